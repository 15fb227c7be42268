"""WARC files from a crawl (``.warc``, ``.warc.gz``): the HTML pages among their response records.

Records stream through warcio one at a time. Requests, metadata, redirects, error pages and
non-HTML responses (images, scripts) are no articles and are only counted; a record broken
halfway stops the file there, keeping the pages before it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

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
    fatal: bool = True  # something was lost; False: a warning, or (with ``note``) only a count
    note: bool = False


def is_warc(prefix: bytes) -> bool:
    """Bytes that start a WARC file, plain or gzipped (a .warc.gz is gzip members of records)."""
    return prefix.startswith((b"WARC/", b"\x1f\x8b"))


def read_warc(stream: IO[bytes], max_bytes: int) -> Iterator[WarcPage | WarcSkip]:
    """The HTML pages of a WARC file in order, with the records that could not be read."""
    from warcio.archiveiterator import ArchiveIterator

    number = pages = other = 0
    watched = _GzipEnds(stream)
    records = ArchiveIterator(watched)
    records.INC_RECORD = ""  # warcio writes its own warning to stderr; ours follows, one line, named
    try:
        for record in records:
            number += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            if not record.rec_headers.get_header("WARC-Type"):
                yield _broken(f"record {number} has no WARC-Type", pages)
                return
            page = _page(record, number, url, max_bytes)
            if not _complete(record):
                yield _broken(f"record {number} ({url}) is cut short", pages)
                return
            if page is None:
                other += 1
                continue
            pages += isinstance(page, WarcPage)
            yield page
    except Exception as exc:  # warcio on a broken file raises many kinds of error: the file stops there
        what = " ".join(str(exc).split())[:200] or type(exc).__name__
        yield _broken(f"malformed WARC after record {number} ({what})", pages)
        return
    if getattr(records, "next_line", None) or watched.cut_short:  # a record began but never ended
        yield _broken(f"malformed WARC after record {number} (the file is cut short)", pages)
        return
    if getattr(records, "err_count", 0):
        wrong = f"{records.err_count} record(s) whose length is wrong (read as far as it said)"
        yield WarcSkip(None, "", wrong, fatal=False)
    if pages == 0:
        yield WarcSkip(None, "", f"no HTML response among its {number} record(s)")
    elif other:
        yield WarcSkip(None, "", f"{other} record(s) that are no HTML page ignored", fatal=False, note=True)


def _page(record: Any, number: int, url: str, max_bytes: int) -> WarcPage | WarcSkip | None:
    """The record as a page, or why it was left out; None for a record that is no page at all."""
    http = record.http_headers
    if record.rec_type != "response" or http is None:
        return None
    kind = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    status = http.get_statuscode() or ""
    if not status.startswith("2") or kind not in _HTML_TYPES:
        return None
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return WarcSkip(number, url, f"response larger than the {max_bytes / 2**20:g} MB limit")
    return WarcPage(
        number,
        url,
        body,
        _charset(http.get_header("Content-Type") or ""),
        http.get_header("Last-Modified"),
        record.rec_headers.get_header("WARC-Date"),
    )


def _complete(record: Any) -> bool:
    """Read the record to its end: False when the file ends before the length its header gives."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    return getattr(raw, "limit", 0) <= 0


class _GzipEnds:
    """Passes a stream through and notes whether its last gzip member ends (warcio stops quietly at a
    truncated member, which would lose the rest of a crawl without a word)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.gzip: bool | None = None  # unknown until the first bytes
        self.inflate: Any = None
        self.cut_short = False

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        if self.gzip is None and data:
            self.gzip = data.startswith(b"\x1f\x8b")
        if self.gzip:
            try:
                self._follow(data)
            except zlib.error:
                self.gzip = False  # a broken member: warcio reports it itself
        return data

    def _follow(self, data: bytes) -> None:
        if not data:  # the end of the stream
            self.cut_short = self.inflate is not None and not self.inflate.eof
            return
        while data:
            if self.inflate is None or self.inflate.eof:
                self.inflate = zlib.decompressobj(wbits=47)
            self.inflate.decompress(data, 1 << 16)
            data = self.inflate.unused_data if self.inflate.eof else self.inflate.unconsumed_tail


def _broken(reason: str, pages: int) -> WarcSkip:
    read = f"{pages} page(s) before it read" if pages else "no page read"
    return WarcSkip(None, "", f"{reason}: {read}, the rest skipped")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
