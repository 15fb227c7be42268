"""Read article files (docs/formats.md §1) into raw texts plus metadata, and say why any input was skipped.

Offsets of every extracted sentence index ``RawArticle.text``: the file text after decoding
with newlines as Python's text mode reads them, so any outside tool can check them.
Nothing here raises on bad input; each problem becomes a one-line ``Problem``.

Article ids are unique and stable (see ``extract.article_ids``); ``Article.name`` keeps the
file's name (its path relative to the folder given) for docs/formats.md's ``sources[].doc``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from json import JSONDecodeError
from pathlib import Path
from typing import IO, Any

from eventgraph.extract.ingest.article_ids import ArticleIds
from eventgraph.extract.ingest.manifest import ManifestIndex, load_manifest
from eventgraph.extract.ingest.metadata import capped, explicit_id, parse_published
from eventgraph.extract.ingest.problems import Problem, shown
from eventgraph.extract.ingest.sniff import binary_reason, decode, text_reason
from eventgraph.extract.json_input import TooDeepError, parse_json
from eventgraph.graph.model import Article

__all__ = ["DEFAULT_MAX_BYTES", "Problem", "RawArticle", "load_manifest", "read_inputs"]

_MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * _MB
_MIN_HTML_WORDS = 15  # less is a page without an article (a menu, an error page)
_TEXT = {".txt"}
_HTML = {".html", ".htm"}
_JSONL = {".jsonl"}
_META_FIELDS = ("title", "publisher", "url")


@dataclass
class RawArticle:
    article: Article  # id unique and stable; name = file name or relative path (``file.jsonl#id`` for a line)
    text: str  # what char offsets index
    date_source: str  # "manifest" | "jsonl" | "html" | "text" (inferred) | "none"
    title_line: str = ""  # the title as it stands on the first line of ``text``; "" when there is none
    source: str = ""  # the input as messages name it: the path, with ":line" for a JSONL line


@dataclass(frozen=True)
class _Input:
    path: Path
    name: str  # relative to the folder it was found in; the bare name for a file given by itself
    explicit: bool  # named on the command line rather than found in a folder


def read_inputs(
    paths: Sequence[Path],
    manifest: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    today: date | None = None,
) -> Iterator[RawArticle | Problem]:
    """Articles from files and folders, with a Problem for each input skipped or read with a caveat."""
    found = list(_inputs(paths))
    index = ManifestIndex(manifest or {}, [item.path for item in found if isinstance(item, _Input)])
    yield from index.problems
    reader = _Reader(index, max_bytes, today or date.today())
    for item in found:
        if isinstance(item, Problem):
            yield item
        else:
            yield from reader.file(item)
    unused = index.unused()
    if unused:
        yield unused


def _inputs(paths: Sequence[Path]) -> Iterator[_Input | Problem]:
    """The files to read, in order, with a Problem for each path that is none."""
    for path in paths:
        if path.is_dir():
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
        if path.suffix.lower() in _TEXT | _HTML | _JSONL:
            yield _Input(path, relative.as_posix(), explicit=False)
        else:
            yield Problem(str(path), f"not an article file ({path.suffix or 'no extension'}): skipped")


class _Reader:
    """Per-run settings and state shared by the file readers."""

    def __init__(self, manifest: ManifestIndex, max_bytes: int, today: date) -> None:
        self.manifest = manifest
        self.max_bytes = max_bytes
        self.today = today
        self.ids = ArticleIds()

    def file(self, item: _Input) -> Iterator[RawArticle | Problem]:
        path = item.path
        suffix = path.suffix.lower()
        try:
            if suffix in _JSONL:
                with path.open("rb") as fh:
                    yield from self.jsonl(item, fh)
                return
            size = path.stat().st_size
            if size > self.max_bytes:
                limit = f"{size / _MB:.1f} MB > {self.max_bytes / _MB:g} MB limit"
                yield Problem(str(path), f"too large ({limit})", fatal=True)
                return
            data = path.read_bytes()
        except OSError as exc:
            yield Problem(str(path), f"cannot read ({exc.strerror or exc})", fatal=True)
            return
        if item.explicit and suffix not in _TEXT | _HTML:
            yield Problem(str(path), f"unknown extension {shown(suffix or '(none)')}: read as plain text")
        yield from self.document(item, data, html=suffix in _HTML)

    def document(self, item: _Input, data: bytes, *, html: bool) -> Iterator[RawArticle | Problem]:
        source = str(item.path)
        reason = binary_reason(data) if data.strip() else "empty file"
        if reason:
            yield Problem(source, reason, fatal=True)
            return
        decoded = decode(data)
        if decoded.encoding != "utf-8":
            yield Problem(source, f"not UTF-8: decoded as {decoded.encoding}")
        text = _universal_newlines(decoded.text)
        meta: list[tuple[str, Mapping[str, Any]]] = [("manifest", self.manifest.entry(item.path))]
        if html:
            page = _html_article(text)
            if page is None:
                yield Problem(source, "no article text found in the HTML", fatal=True)
                return
            text, page_meta = page
            meta.append(("html", page_meta))
        reason = text_reason(text)
        if reason:
            yield Problem(source, reason, fatal=True)
            return
        first = _first_line(text)
        title_line = first if not html or _same_text(first, meta[-1][1].get("title")) else ""
        yield from self.article(item.name, item.path.name, source, text, meta, title_line)

    def jsonl(self, item: _Input, fh: IO[bytes]) -> Iterator[RawArticle | Problem]:
        for number, line in _bounded_lines(fh, self.max_bytes):
            source = f"{item.path}:{number}"
            if line is None:
                yield Problem(source, f"line longer than the {self.max_bytes / _MB:g} MB limit", fatal=True)
                continue
            if not line.strip():
                continue
            obj, reason = _json_object(line)
            if obj is None:
                yield Problem(source, reason or "unreadable line", fatal=True)
                continue
            text = _universal_newlines(obj["text"])
            reason = text_reason(text)
            if reason:
                yield Problem(source, reason, fatal=True)
                continue
            ident, doc = explicit_id(obj.get("id"))[0], explicit_id(obj.get("doc"))[0]
            fragment = ident or doc or str(number)
            # The id's readable part: the line's "doc" name if any; never its line number, which moves.
            stem = f"{item.path.name}#{doc}" if doc else item.path.name
            first = _first_line(text)
            title_line = first if _same_text(first, obj.get("title")) else ""
            meta = [("manifest", self.manifest.entry(item.path, fragment)), ("jsonl", obj)]
            yield from self.article(f"{item.name}#{fragment}", stem, source, text, meta, title_line)

    def article(
        self,
        name: str,
        stem: str,
        source: str,
        text: str,
        meta: list[tuple[str, Mapping[str, Any]]],
        title_line: str,
    ) -> Iterator[RawArticle | Problem]:
        """Merge metadata (earlier sources win), give the article its id, and find a publication date,
        never defaulting to today."""
        wanted = None
        for kind, entry in meta:
            ident, reason = explicit_id(entry.get("id")) if kind != "html" else (None, None)
            if reason:
                yield Problem(source, f"{kind} {reason}: ignored")
            wanted = wanted or ident
        article_id, problem = self.ids.claim(wanted, stem, text, source)
        if problem:
            yield problem
        if article_id is None:
            return
        fields = {field: _first_str(entry.get(field) for _, entry in meta) for field in _META_FIELDS}
        fields["title"] = fields["title"] or title_line
        for field, value in fields.items():
            fields[field], reason = capped(field, value)
            if reason:
                yield Problem(source, reason)
        article = Article(id=article_id, title=fields["title"], publisher=fields["publisher"], name=name)
        article.url = fields["url"]
        date_source = "none"
        for kind, entry in meta:
            published, reason = parse_published(entry.get("published"), self.today)
            if reason:
                yield Problem(source, f"{kind} {reason}: ignored")
            elif published and article.published is None:
                article.published, date_source = published, kind
        if article.published is None:
            found = infer_published(text, self.today)
            if found:
                article.published, date_source = found[0], "text"
                yield Problem(
                    source, f"inferred publication date {found[0]} from the text ({found[1]!r})", note=True
                )
            else:
                yield Problem(source, "no publication date anywhere: relative dates stay unresolved")
        yield RawArticle(article, text, date_source, title_line, source)


# --- publication date from the text ---------------------------------------------------------------

_MONTH_NAMES = [name.lower() for name in calendar.month_name[1:]]
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('(', '(?P<m1>', 1)},?\s+(?P<y1>\d{{4}})"
    rf"|{_MONTH.replace('(', '(?P<m2>', 1)}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))\b",
    re.IGNORECASE,
)
_CUE = re.compile(r"\b(?:published|posted|updated|dated?|released|first appeared)\b", re.IGNORECASE)
_HEAD = 600  # a dateline or date stamp sits in the first lines
_CUED_HEAD = 3000  # "Published ..." may follow a standfirst and a byline


def infer_published(text: str, today: date) -> tuple[date, str] | None:
    """The date stamp near the top ("Published 16 December 2019", "Dec 16, 2019"), with its text."""
    head = text[:_CUED_HEAD]
    candidates = []
    for match in _DATE.finditer(head):
        day = _match_date(match)
        if day is None or day > today or day.year < 1900:
            continue
        line_start = head.rfind("\n", 0, match.start()) + 1
        cued = bool(_CUE.search(head, line_start, match.start()))
        if cued or match.start() < _HEAD:
            candidates.append((not cued, match.start(), day, match.group(0)))
    if not candidates:
        return None
    _, _, day, found = min(candidates)
    return day, found


def _match_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    try:
        if groups["y3"]:
            return date(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
        month_text = (groups["m1"] or groups["m2"]).lower()[:3]
        month = next(i for i, name in enumerate(_MONTH_NAMES, 1) if name.startswith(month_text))
        return date(int(groups["y1"] or groups["y2"]), month, int(groups["d1"] or groups["d2"]))
    except ValueError:
        return None


# --- formats --------------------------------------------------------------------------------------


def _html_article(html: str) -> tuple[str, dict[str, Any]] | None:
    """Title line, blank line, then one paragraph per line pair: the .txt layout the cleaner expects."""
    import trafilatura

    try:
        # No extensive date search: it turns a "Copyright 2019" footer into a publication date of 1 January.
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # a parser failure on hostile HTML is a skipped file, not a crash
        doc = None
    title, body, meta = "", "", dict[str, Any]()
    if doc is not None and not isinstance(doc, dict):
        title, body = (doc.title or "").strip(), doc.text or ""
        meta = {"title": title, "publisher": doc.sitename or "", "url": doc.url or "", "published": doc.date}
    if not body.strip():
        title, body = _lxml_text(html)
        meta["title"] = title
    paragraphs = [" ".join(line.split()) for line in body.splitlines() if line.strip()]
    if paragraphs and title and _same_text(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    if sum(len(p.split()) for p in paragraphs) < _MIN_HTML_WORDS:
        return None
    return "\n\n".join([title, *paragraphs]) if title else "\n\n".join(paragraphs), meta


def _lxml_text(html: str) -> tuple[str, str]:
    """Fallback when trafilatura finds no main text: block texts minus scripts and page chrome."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return "", ""
    etree.strip_elements(root, "script", "style", "nav", "footer", "header", "aside", "form", "noscript")
    title = " ".join((root.findtext(".//title") or "").split())
    blocks = (
        " ".join(el.text_content().split()) for el in root.iter("p", "h1", "h2", "h3", "li", "blockquote")
    )
    return title, "\n".join(block for block in blocks if block)


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


def _universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _first_line(text: str) -> str:
    for line in text.split("\n", 20):
        if line.strip(" \t\ufeff"):
            return line.strip(" \t\ufeff")
    return ""


def _first_str(values: Iterator[Any]) -> str:
    return next((v.strip() for v in values if isinstance(v, str) and v.strip()), "")


def _same_text(a: str, b: Any) -> bool:
    return isinstance(b, str) and " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
