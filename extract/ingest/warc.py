"""WARC files from a crawl (``.warc``, ``.warc.gz``): the HTML pages among their response records.

Records stream through warcio one at a time. Requests, metadata, redirects, error pages and
non-HTML responses (images, scripts) are no articles and are only counted; a record broken
halfway stops the file there, keeping the pages before it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

__all__ = ["WarcPage", "WarcSkip", "is_warc", "read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class WarcPage:
    """One HTML response: its URL, body and the dates the crawl knows (fallbacks only)."""

    number: int  # the record's position in the file, from 1
    url: str  # WARC-Target-URI
    body: bytes  # the HTTP payload, transfer and content encodings undone
    charset: str | None  # from the Content-Type header
    last_modified: str | None  # HTTP Last-Modified (RFC 822)
    warc_date: str | None  # WARC-Date (RFC 3339): when it was crawled


@dataclass(frozen=True)
class WarcSkip:
    """A record left out (``number``), or the rest of the file (``number`` None), and why."""

    number: int | None
    url: str
    reason: str
    note: bool = False  # only a count of records that are no articles


def is_warc(prefix: bytes) -> bool:
    """Bytes that start a WARC file, plain or gzipped (a .warc.gz is gzip members of records)."""
    return prefix.startswith((b"WARC/", b"\x1f\x8b"))


def read_warc(stream: IO[bytes], max_bytes: int) -> Iterator[WarcPage | WarcSkip]:
    """The HTML pages of a WARC file in order, with the records that could not be read."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = pages = other = 0
    try:
        for record in ArchiveIterator(stream):
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            http = record.http_headers
            if record.rec_type != "response" or http is None:
                other += 1
                continue
            kind = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
            status = http.get_statuscode() or ""
            if not status.startswith("2") or kind not in _HTML_TYPES:
                other += 1
                continue
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield WarcSkip(number, url, f"response larger than the {max_bytes / 2**20:g} MB limit")
                continue
            pages += 1
            yield WarcPage(
                number,
                url,
                body,
                _charset(http.get_header("Content-Type") or ""),
                http.get_header("Last-Modified"),
                record.rec_headers.get_header("WARC-Date"),
            )
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        what = " ".join(str(exc).split())[:200] or type(exc).__name__
        read = f"{pages} page(s) before it read" if pages else "no page read"
        yield WarcSkip(None, "", f"malformed WARC after record {number} ({what}): {read}, the rest skipped")
        return
    if pages == 0:
        yield WarcSkip(None, "", f"no HTML response among its {number} record(s)")
    elif other:
        yield WarcSkip(None, "", f"{other} record(s) that are no HTML page ignored", note=True)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
