"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one entry per item, read as the file streams in.

A feed is parsed incrementally (lxml ``iterparse``) and each item is dropped once handed on, so a
large feed costs the memory of one item. A feed broken halfway keeps the items before the break;
the break is reported with its line. Entities are never resolved and nothing is fetched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from lxml import etree

from eventgraph.extract.ingest.html import fragment_paragraphs, plain_paragraphs, text_of

__all__ = ["FeedEntry", "FeedError", "feed_root", "read_feed"]

_CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
_DC_NS = "http://purl.org/dc/elements/1.1/"
_ATOM_NS = "http://www.w3.org/2005/Atom"
_FEED_ROOTS = {"rss": "RSS", "feed": "Atom", "RDF": "RSS 1.0"}
_ITEMS = {"item", "entry"}
# The first element of an XML document: after a BOM, the declaration, comments and a doctype.
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.DOTALL)


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, its body already converted to paragraphs of plain text."""

    number: int  # position in the feed, from 1
    ident: str  # guid (RSS) or id (Atom), else the link; "" when it has none
    title: str
    link: str
    published: str  # as written: RFC 822 (RSS pubDate), RFC 3339 (Atom, dc:date); "" when none
    paragraphs: list[str]  # from the full content where given, else the summary/description
    publisher: str  # the feed's own title


@dataclass(frozen=True)
class FeedError:
    """An item that cannot be read (``number``), or the whole rest of the feed (``number`` None)."""

    number: int | None
    reason: str


def root_element(prefix: bytes) -> str | None:
    """The local name of the first element of an XML (or HTML) document from its first bytes."""
    data = prefix.removeprefix(b"\xef\xbb\xbf")
    position = 0
    while match := _PROLOG.match(data, position):
        position = match.end()
    match = _ROOT.match(data, len(data[position:]) - len(data[position:].lstrip()) + position)
    return match.group(1).decode("ascii", "replace").rsplit(":", 1)[-1] if match else None


def feed_root(prefix: bytes) -> str | None:
    """ "RSS", "Atom" or "RSS 1.0" when the bytes start a feed; None for any other document."""
    return _FEED_ROOTS.get(root_element(prefix) or "")


def read_feed(stream: IO[bytes]) -> Iterator[FeedEntry | FeedError]:
    """The feed's items in order, each as an entry or the reason it was left out."""
    publisher = ""
    number = 0
    depth = 0
    parser = etree.iterparse(
        stream, events=("start", "end"), resolve_entities=False, no_network=True, huge_tree=False
    )
    try:
        for event, element in parser:
            if event == "start":
                depth += 1
                continue
            depth -= 1
            name = _local(element)
            if name in _ITEMS and depth <= 2:  # rss/channel/item, feed/entry, rdf:RDF/item
                number += 1
                yield _entry(element, number, publisher)
                _drop(element)
            elif name == "title" and not publisher and _local(element.getparent()) in {"channel", "feed"}:
                publisher = text_of(_inner(element))
    except etree.XMLSyntaxError as exc:
        where = f"line {exc.lineno}" if exc.lineno else "the start"
        message = " ".join((exc.msg or "not well-formed").splitlines()[0].split(", line ")[0].split())[:120]
        read = f"{number} item(s) before it read" if number else "no item read"
        yield FeedError(None, f"malformed XML at {where} ({message}): {read}, the rest skipped")
        return
    if number == 0:
        yield FeedError(None, "the feed has no items")


def _entry(item: etree._Element, number: int, publisher: str) -> FeedEntry | FeedError:
    children: dict[str, etree._Element] = {}
    for child in item:
        if isinstance(child.tag, str):
            children.setdefault(_qualified(child), child)
    title = text_of(_inner(_first(children, "title")))
    link = _link(item, children)
    ident = _text(_first(children, "guid", "id")) or link
    published = _text(_first(children, "pubDate", "published", f"{{{_DC_NS}}}date", "updated", "issued"))
    paragraphs: list[str] = []
    for key in (f"{{{_CONTENT_NS}}}encoded", "content", "description", "summary"):
        body = children.get(key)
        if body is None or body.get("src"):  # Atom content elsewhere: the summary may still hold text
            continue
        paragraphs = _paragraphs(body)
        if paragraphs:
            break
    if not paragraphs:
        return FeedError(number, "no text: neither content nor a summary")
    return FeedEntry(number, ident, title, link, published, paragraphs, publisher)


def _paragraphs(body: etree._Element) -> list[str]:
    kind = (body.get("type") or "").lower()
    if not kind and etree.QName(body).namespace == _ATOM_NS:
        kind = "text"  # Atom's default; RSS descriptions are escaped HTML
    if kind == "xhtml":  # Atom: the markup is inline, inside a <div>
        return fragment_paragraphs(_inner(body))
    if kind in {"text", "text/plain"}:
        return plain_paragraphs("".join(body.itertext()))
    return fragment_paragraphs("".join(body.itertext()))  # RSS and Atom "html": escaped markup


def _link(item: etree._Element, children: dict[str, etree._Element]) -> str:
    """RSS ``<link>text``; Atom ``<link rel="alternate" href>`` (no rel means alternate)."""
    for child in item:
        if isinstance(child.tag, str) and _local(child) == "link":
            href = child.get("href")
            if href is None:
                return _text(child)
            if child.get("rel", "alternate") == "alternate":
                return str(href).strip()
    return ""


def _first(children: dict[str, etree._Element], *names: str) -> etree._Element | None:
    return next((children[name] for name in names if name in children), None)


def _qualified(element: etree._Element) -> str:
    """RSS and Atom names by their local name; other vocabularies keep their namespace."""
    qname = etree.QName(element)
    if qname.namespace in {None, _ATOM_NS, "http://purl.org/rss/1.0/"}:
        return str(qname.localname)
    return str(qname)


def _local(element: etree._Element | None) -> str:
    if element is None or not isinstance(element.tag, str):
        return ""
    return str(etree.QName(element).localname)


def _text(element: etree._Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _inner(element: etree._Element | None) -> str:
    """The element's content as markup: escaped HTML comes back as text, inline XHTML as tags."""
    if element is None:
        return ""
    if element.get("type", "").lower() == "xhtml" or len(element):
        parts = [element.text or ""]
        parts += [etree.tostring(child, encoding="unicode", method="html") for child in element]
        return "".join(parts)
    return str(element.text or "")


def _drop(element: etree._Element) -> None:
    """Free an item already handed on, and the siblings before it, so memory stays flat."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
