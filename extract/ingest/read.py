"""Read articles (docs/formats.md §1) into raw texts plus metadata, and say why any input was skipped.

Inputs: files and folders of .txt, .html and .jsonl articles, RSS/Atom feeds (.rss, .atom, .xml),
WARC files of a crawl (.warc, .warc.gz), standard input (``-``, its format sniffed), and a list of
URLs to fetch. Everything streams: a JSONL file, feed or WARC file is read item by item.

Offsets of every extracted sentence index ``RawArticle.text``: the file text after decoding
with newlines as Python's text mode reads them, so any outside tool can check them.
Nothing here raises on bad input; each problem becomes a one-line ``Problem``.

Article ids are unique and stable (see ``extract.article_ids``); ``Article.name`` keeps the
file's name (its path relative to the folder given) for docs/formats.md's ``sources[].doc``.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from json import JSONDecodeError
from pathlib import Path
from typing import IO, Any

from eventgraph.extract.ingest.articles import Articles, RawArticle, first_line, universal_newlines
from eventgraph.extract.ingest.feeds import feed_root, root_element
from eventgraph.extract.ingest.fetch import FetchPolicy, PoliteClient
from eventgraph.extract.ingest.html import page_article, same_text
from eventgraph.extract.ingest.manifest import ManifestIndex, load_manifest
from eventgraph.extract.ingest.metadata import explicit_id
from eventgraph.extract.ingest.problems import Problem, shown
from eventgraph.extract.ingest.sniff import binary_reason, decode, text_reason
from eventgraph.extract.ingest.warc import is_warc
from eventgraph.extract.ingest.web import feed_articles, url_articles, warc_articles
from eventgraph.extract.json_input import TooDeepError, parse_json

__all__ = ["DEFAULT_MAX_BYTES", "STDIN", "Problem", "RawArticle", "load_manifest", "read_inputs"]

_MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * _MB
STDIN = Path("-")  # the path that means standard input
_SNIFF = 64 * 1024  # bytes read ahead to tell a feed, WARC, HTML, JSONL or text apart
_KINDS = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "xml",  # a feed when its root element says so
    ".warc": "warc",
    ".gz": "warc",  # only as .warc.gz, see _kind_of
}


@dataclass(frozen=True)
class _Input:
    path: Path
    name: str  # relative to the folder it was found in; the bare name for a file given by itself
    explicit: bool  # named on the command line rather than found in a folder

    @property
    def source(self) -> str:
        """The input as messages name it."""
        return "stdin" if self.path == STDIN else str(self.path)

    @property
    def stem(self) -> str:
        """The readable part of its articles' ids: the file's name."""
        return "stdin" if self.path == STDIN else self.path.name


def read_inputs(
    paths: Sequence[Path],
    manifest: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    urls: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    today: date | None = None,
    stdin: IO[bytes] | None = None,
    client: PoliteClient | None = None,
) -> Iterator[RawArticle | Problem]:
    """Articles from files, folders, standard input (``-``) and the URLs listed in ``urls``, with a
    Problem for each input skipped or read with a caveat."""
    found = list(_inputs(paths))
    files = [item.path for item in found if isinstance(item, _Input) and item.path != STDIN]
    index = ManifestIndex(manifest or {}, files)
    yield from index.problems
    reader = _Reader(index, max_bytes, today or date.today(), stdin)
    for item in found:
        if isinstance(item, Problem):
            yield item
        else:
            yield from reader.file(item)
    if urls is not None:
        polite = client or PoliteClient(FetchPolicy(max_bytes=min(max_bytes, FetchPolicy.max_bytes)))
        yield from url_articles(reader.made, urls, polite, max_bytes=max_bytes)
    unused = index.unused()
    if unused:
        yield unused


def _inputs(paths: Sequence[Path]) -> Iterator[_Input | Problem]:
    """The files to read, in order, with a Problem for each path that is none."""
    for path in paths:
        if path == STDIN:
            yield _Input(path, "stdin", explicit=True)
        elif path.is_dir():
            yield from _folder(path)
        elif path.is_file():
            yield _Input(path, path.name, explicit=True)
        else:
            yield Problem(str(path), "no such file or directory", fatal=True)


def _folder(root: Path) -> Iterator[_Input | Problem]:
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts) or path.name == "manifest.json":
            continue
        if _kind_of(path):
            yield _Input(path, relative.as_posix(), explicit=False)
        else:
            yield Problem(str(path), f"not an article file ({path.suffix or 'no extension'}): skipped")


def _kind_of(path: Path) -> str | None:
    """The format a file's extension promises; None for one that is no article format."""
    name = path.name.lower()
    if name.endswith(".gz") and not name.endswith(".warc.gz"):
        return None
    return _KINDS.get(path.suffix.lower())


def _content_kind(prefix: bytes) -> str:
    """What standard input holds, from its first bytes: warc, feed, html, jsonl or text."""
    if is_warc(prefix):
        return "warc"
    head = prefix.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<"):
        return "feed" if feed_root(head) else "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


class _Unclosed(io.RawIOBase):
    """A stream (standard input) read through a buffer without being closed with it; each read
    fills the buffer where it can, so that the look ahead sees enough of a pipe to sniff."""

    def __init__(self, inner: IO[bytes]) -> None:
        self.inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        filled = 0
        while filled < len(view):
            chunk = self.inner.read(len(view) - filled)
            if not chunk:
                break
            view[filled : filled + len(chunk)] = chunk
            filled += len(chunk)
        return filled


class _Reader:
    """Per-run settings and state shared by the file readers."""

    def __init__(self, manifest: ManifestIndex, max_bytes: int, today: date, stdin: IO[bytes] | None) -> None:
        self.manifest = manifest
        self.max_bytes = max_bytes
        self.made = Articles(today)
        self.stdin = stdin

    def file(self, item: _Input) -> Iterator[RawArticle | Problem]:
        source = item.source
        kind = _kind_of(item.path) if item.path != STDIN else None
        try:
            if item.path != STDIN and kind in (None, "text", "html"):
                size = item.path.stat().st_size
                if size > self.max_bytes:
                    limit = f"{size / _MB:.1f} MB > {self.max_bytes / _MB:g} MB limit"
                    yield Problem(source, f"too large ({limit})", fatal=True)
                    return
            with self._open(item) as fh:
                yield from self.stream(item, kind, fh)
        except OSError as exc:
            yield Problem(source, f"cannot read ({exc.strerror or exc})", fatal=True)

    def stream(self, item: _Input, kind: str | None, fh: io.BufferedReader) -> Iterator[RawArticle | Problem]:
        """Read an opened input as the format its extension (or, for stdin, its first bytes) says."""
        source = item.source
        prefix = fh.peek(_SNIFF)[:_SNIFF]
        if item.path == STDIN:
            kind = _content_kind(prefix)
        if kind == "xml" and not feed_root(prefix):
            root = shown(root_element(prefix) or "none")
            yield Problem(source, f"XML but no RSS or Atom feed (root element <{root}>)", fatal=True)
        elif kind == "jsonl":
            yield from self.jsonl(item, fh)
        elif kind in ("feed", "xml"):
            publisher = yield from self.container_publisher(item)
            yield from feed_articles(
                self.made, fh, source=source, name=item.name, stem=item.stem, publisher=publisher
            )
        elif kind == "warc":
            publisher = yield from self.container_publisher(item)
            yield from warc_articles(
                self.made, fh, source=source, max_bytes=self.max_bytes, publisher=publisher
            )
        else:
            if item.explicit and kind is None:
                suffix = shown(item.path.suffix or "(none)")
                yield Problem(source, f"unknown extension {suffix}: read as plain text")
            data = fh.read(self.max_bytes + 1)
            if len(data) > self.max_bytes:
                yield Problem(source, f"too large (over the {self.max_bytes / _MB:g} MB limit)", fatal=True)
                return
            yield from self.document(item, data, html=kind == "html")

    def _open(self, item: _Input) -> io.BufferedReader:
        """The input as a stream that can be peeked at: a file, or standard input."""
        if item.path == STDIN:
            raw = self.stdin or sys.stdin.buffer
            return io.BufferedReader(_Unclosed(raw), buffer_size=_SNIFF)
        return io.BufferedReader(io.FileIO(item.path, "r"), buffer_size=_SNIFF)

    def container_publisher(self, item: _Input) -> Generator[Problem, None, str]:
        """The publisher a manifest entry gives a feed or crawl, for all its articles; its other
        fields describe one article and cannot apply to many (a warning says so)."""
        entry = self.manifest.entry(item.path) if item.path != STDIN else {}
        others = sorted(key for key in entry if key != "publisher")
        if others:
            listed = ", ".join(map(shown, others))
            yield Problem(
                item.source, f"manifest {listed} cannot apply to every item of a feed or crawl: ignored"
            )
        publisher = entry.get("publisher")
        return publisher.strip() if isinstance(publisher, str) else ""

    def document(self, item: _Input, data: bytes, *, html: bool) -> Iterator[RawArticle | Problem]:
        source = item.source
        reason = binary_reason(data) if data.strip() else "empty file"
        if reason:
            yield Problem(source, reason, fatal=True)
            return
        decoded = decode(data)
        if decoded.encoding != "utf-8":
            yield Problem(source, f"not UTF-8: decoded as {decoded.encoding}")
        text = universal_newlines(decoded.text)
        meta: list[tuple[str, Mapping[str, Any]]] = [("manifest", self.manifest.entry(item.path))]
        if html:
            page = page_article(text)
            if page is None:
                yield Problem(source, "no article text found in the HTML", fatal=True)
                return
            text, page_meta = page
            meta.append(("html", page_meta))
        reason = text_reason(text)
        if reason:
            yield Problem(source, reason, fatal=True)
            return
        first = first_line(text)
        title_line = first if not html or same_text(first, meta[-1][1].get("title")) else ""
        yield from self.made.make(item.name, item.stem, source, text, meta, title_line)

    def jsonl(self, item: _Input, fh: IO[bytes]) -> Iterator[RawArticle | Problem]:
        for number, line in _bounded_lines(fh, self.max_bytes):
            source = f"{item.source}:{number}"
            if line is None:
                yield Problem(source, f"line longer than the {self.max_bytes / _MB:g} MB limit", fatal=True)
                continue
            if not line.strip():
                continue
            obj, reason = _json_object(line)
            if obj is None:
                yield Problem(source, reason or "unreadable line", fatal=True)
                continue
            text = universal_newlines(obj["text"])
            reason = text_reason(text)
            if reason:
                yield Problem(source, reason, fatal=True)
                continue
            ident, doc = explicit_id(obj.get("id"))[0], explicit_id(obj.get("doc"))[0]
            fragment = ident or doc or str(number)
            # The id's readable part: the line's "doc" name if any; never its line number, which moves.
            stem = f"{item.stem}#{doc}" if doc else item.stem
            first = first_line(text)
            title_line = first if same_text(first, obj.get("title")) else ""
            meta = [("manifest", self.manifest.entry(item.path, fragment)), ("jsonl", obj)]
            yield from self.made.make(f"{item.name}#{fragment}", stem, source, text, meta, title_line)


# --- formats --------------------------------------------------------------------------------------


def _bounded_lines(fh: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Lines with their numbers; None for a line over the limit, which is skipped without loading it."""
    number = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, line


def _json_object(line: bytes) -> tuple[dict[str, Any] | None, str | None]:
    reason = binary_reason(line)
    if reason:
        return None, reason
    try:
        obj = parse_json(decode(line).text)
    except TooDeepError as exc:
        return None, str(exc)
    except ValueError as exc:
        where = f" ({exc.msg} at column {exc.colno})" if isinstance(exc, JSONDecodeError) else ""
        return None, f"invalid JSON{where}"
    if not isinstance(obj, dict):
        return None, "not a JSON object"
    if not isinstance(obj.get("text"), str):
        return None, "no 'text' string"
    if not obj["text"].strip():
        return None, "empty text"
    return obj, None
