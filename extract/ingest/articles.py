"""From a text and what is known about it to an article: merged metadata, a stable id, a publication day.

Every input format (files, JSONL lines, feed items, crawled and fetched pages) ends here, so that
ids, field caps and the search for a publication date are the same for all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventgraph.extract.ingest.article_ids import ArticleIds
from eventgraph.extract.ingest.metadata import capped, explicit_id, parse_published
from eventgraph.extract.ingest.problems import Problem
from eventgraph.extract.ingest.stamp import infer_published
from eventgraph.graph.model import Article

__all__ = ["Articles", "Meta", "RawArticle", "first_line", "universal_newlines"]

_META_FIELDS = ("title", "publisher", "url")
# Metadata of one origin: ("manifest", {...}), ("html", {...}) ...; earlier origins win.
Meta = Sequence[tuple[str, Mapping[str, Any]]]


@dataclass
class RawArticle:
    article: Article  # id unique and stable; name = file name or relative path (``file.jsonl#id`` for a line)
    text: str  # what char offsets index
    # "manifest" | "jsonl" | "html" | "feed" | "text" (inferred) | "http" | "warc" (fallbacks) | "none"
    date_source: str
    title_line: str = ""  # the title as it stands on the first line of ``text``; "" when there is none
    source: str = ""  # the input as messages name it: the path, with ":line" for a JSONL line


class Articles:
    """The articles of one run: ids given out so far, and the day after which no date is believable."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.ids = ArticleIds()

    def make(
        self,
        name: str,
        stem: str,
        source: str,
        text: str,
        meta: Meta,
        title_line: str,
        fallback: Meta = (),
    ) -> Iterator[RawArticle | Problem]:
        """Merge metadata (earlier origins win), give the article its id, and find a publication date,
        never defaulting to today: metadata, then a date stamp in the text, then the ``fallback``
        dates (an HTTP Last-Modified, a crawl's date), each said on stderr."""
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
        for kind, entry in fallback if article.published is None else ():
            published, _ = parse_published(entry.get("published"), self.today)
            if published:
                article.published, date_source = published, kind
                what = entry.get("what", kind)
                said = f"publication date {published} from the {what}: none in the page"
                yield Problem(source, said, note=True)
                break
        if article.published is None:
            yield Problem(source, "no publication date anywhere: relative dates stay unresolved")
        yield RawArticle(article, text, date_source, title_line, source)


def universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def first_line(text: str) -> str:
    for line in text.split("\n", 20):
        if line.strip(" \t\ufeff"):
            return line.strip(" \t\ufeff")
    return ""


def _first_str(values: Iterable[Any]) -> str:
    return next((v.strip() for v in values if isinstance(v, str) and v.strip()), "")
