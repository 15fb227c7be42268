"""Articles from the web's own containers: feed items, pages of a crawl (WARC), pages fetched by URL.

Each becomes the .txt layout (title line, blank line, paragraphs) and goes through the same
``Articles.make`` as a file. A page names itself by its URL; a feed item by its link (else
``feed.rss#guid``), with the guid or Atom id as its article id where the feed gives one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from eventgraph.extract.ingest.articles import Articles, RawArticle, first_line, universal_newlines
from eventgraph.extract.ingest.feeds import FeedEntry, FeedError, feed_root, read_feed
from eventgraph.extract.ingest.fetch import FetchError, PoliteClient
from eventgraph.extract.ingest.html import page_article, same_text
from eventgraph.extract.ingest.problems import Problem
from eventgraph.extract.ingest.sniff import binary_reason, decode, text_reason
from eventgraph.extract.ingest.warc import WarcPage, WarcSkip, read_warc

__all__ = ["feed_articles", "url_articles", "warc_articles"]

Items = Iterator[RawArticle | Problem]
_XML_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"} | {
    "application/xml",
    "text/xml",
}


def feed_articles(
    made: Articles, stream: IO[bytes], *, source: str, name: str, stem: str, publisher: str = ""
) -> Items:
    """One article per feed item; ``source`` names the feed in messages, ``name`` is its file name,
    ``publisher`` (from the manifest) overrides the feed's title."""
    for entry in read_feed(stream):
        if isinstance(entry, FeedError):
            where = source if entry.number is None else f"{source} item {entry.number}"
            yield Problem(where, entry.reason, fatal=True)
            continue
        yield from _feed_item(made, entry, source=source, name=name, stem=stem, publisher=publisher)


def _feed_item(
    made: Articles, entry: FeedEntry, *, source: str, name: str, stem: str, publisher: str
) -> Items:
    where = f"{source} item {entry.number}"
    text = "\n\n".join([entry.title, *entry.paragraphs]) if entry.title else "\n\n".join(entry.paragraphs)
    reason = text_reason(text)
    if reason:
        yield Problem(where, reason, fatal=True)
        return
    meta = {
        "id": entry.ident,
        "title": entry.title,
        "url": entry.link,
        "published": entry.published,
        "publisher": entry.publisher,
    }
    article_name = entry.link or f"{name}#{entry.ident or entry.number}"
    given = [("manifest", {"publisher": publisher})] if publisher else []
    yield from made.make(article_name, stem, where, text, [*given, ("feed", meta)], entry.title)


def warc_articles(
    made: Articles, stream: IO[bytes], *, source: str, max_bytes: int, publisher: str = ""
) -> Items:
    """One article per HTML response of a crawl, named by its URL; ``publisher`` (from the
    manifest) overrides the site names the pages give."""
    for page in read_warc(stream, max_bytes):
        if isinstance(page, WarcSkip):
            where = source if page.number is None else f"{source} record {page.number} ({page.url})"
            yield Problem(where, page.reason, fatal=page.fatal, note=page.note)
            continue
        yield from _warc_page(made, page, source, publisher)


def _warc_page(made: Articles, page: WarcPage, source: str, publisher: str) -> Items:
    fallback = [
        ("http", {"published": page.last_modified, "what": "HTTP Last-Modified header"}),
        ("warc", {"published": page.warc_date, "what": "crawl (WARC-Date)"}),
    ]
    where = f"{source} record {page.number} ({page.url})"
    yield from page_articles(
        made, page.body, page.charset, url=page.url, source=where, fallback=fallback, publisher=publisher
    )


def page_articles(
    made: Articles,
    body: bytes,
    charset: str | None,
    *,
    url: str,
    source: str,
    fallback: list[tuple[str, dict[str, str | None]]],
    name: str | None = None,
    publisher: str = "",
) -> Items:
    """The article of a web page: in-page metadata first, the HTTP and crawl dates only as fallbacks."""
    reason = binary_reason(body) if body.strip() else "empty response"
    if reason:
        yield Problem(source, reason, fatal=True)
        return
    page = page_article(universal_newlines(_decoded(body, charset)))
    if page is None:
        yield Problem(source, "no article text found in the HTML", fatal=True)
        return
    text, page_meta = page
    reason = text_reason(text)
    if reason:
        yield Problem(source, reason, fatal=True)
        return
    first = first_line(text)
    title_line = first if same_text(first, page_meta.get("title")) else ""
    # The URL the page was got from is its link; the page's own canonical URL only names it otherwise.
    meta = [("page", {"url": url, "publisher": publisher}), ("html", page_meta)]
    yield from made.make(name or url, url, source, text, meta, title_line, fallback)


def url_articles(made: Articles, urls: Path, client: PoliteClient, *, max_bytes: int) -> Items:
    """The articles of the URLs listed in a file (one a line; blank lines and ``#`` comments skipped),
    fetched one after another; each URL that fails is named with the reason and the rest go on."""
    try:
        lines = urls.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        yield Problem(str(urls), f"cannot read the URL list ({exc.strerror or exc})", fatal=True)
        return
    listed = [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip()]
    listed = [(n, url) for n, url in listed if not url.startswith("#")]
    if not listed:
        yield Problem(str(urls), "the URL list holds no URL", fatal=True)
        return
    for number, url in listed:
        try:
            got = client.get(url)
        except FetchError as exc:
            yield Problem(url, str(exc), fatal=True)
            continue
        if got.content_type in ("text/html", "application/xhtml+xml"):
            fallback = [("http", {"published": got.last_modified, "what": "HTTP Last-Modified header"})]
            yield from page_articles(made, got.body, got.charset, url=got.url, source=url, fallback=fallback)
        elif got.content_type in _XML_TYPES and feed_root(got.body[:4096]):
            with _bytes(got.body) as stream:
                yield from feed_articles(made, stream, source=url, name=url, stem=url)
        elif got.content_type == "text/plain" and len(got.body) <= max_bytes:
            text = universal_newlines(_decoded(got.body, got.charset))
            reason = text_reason(text)
            if reason:
                yield Problem(url, reason, fatal=True)
                continue
            fallback = [("http", {"published": got.last_modified, "what": "HTTP Last-Modified header"})]
            meta = [("page", {"url": got.url})]
            yield from made.make(url, url, url, text, meta, first_line(text), fallback)
        else:
            yield Problem(url, f"not an article (content type {got.content_type}, line {number})", fatal=True)


def _decoded(body: bytes, charset: str | None) -> str:
    """The body in the charset its headers name, else as files are decoded."""
    if charset:
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body).text


def _bytes(data: bytes) -> IO[bytes]:
    import io

    return io.BytesIO(data)
