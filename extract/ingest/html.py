"""HTML to the article layout the cleaner expects: a title line, a blank line, one paragraph per block.

Saved pages, crawled responses and fetched URLs are whole pages (trafilatura finds the article in
them); feed items carry fragments of HTML (or plain text) that hold only the article.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "MIN_PAGE_WORDS",
    "fragment_paragraphs",
    "page_article",
    "plain_paragraphs",
    "same_text",
    "text_of",
]

MIN_PAGE_WORDS = 15  # less is a page without an article (a menu, an error page)


def page_article(html: str) -> tuple[str, dict[str, Any]] | None:
    """A whole page's article as text, and its metadata (title, publisher, url, published); None when
    the page holds no article."""
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
    if paragraphs and title and same_text(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    if sum(len(p.split()) for p in paragraphs) < MIN_PAGE_WORDS:
        return None
    return "\n\n".join([title, *paragraphs]) if title else "\n\n".join(paragraphs), meta


def fragment_paragraphs(html: str) -> list[str]:
    """The paragraphs of an HTML fragment (a feed item's content or summary), markup and scripts
    dropped; a fragment with no block elements is one paragraph of its text."""
    from lxml import etree
    from lxml import html as lxml_html

    if "<" not in html:
        return plain_paragraphs(html)
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return plain_paragraphs(html)
    etree.strip_elements(root, "script", "style", "iframe", "form", "noscript", "figcaption", with_tail=False)
    blocks = [
        " ".join(el.text_content().split())
        for el in root.iter("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre")
        if not any(True for _ in el.iterancestors("p", "li", "blockquote"))
    ]
    blocks = [block for block in blocks if block]
    return blocks or plain_paragraphs(root.text_content())


def plain_paragraphs(text: str) -> list[str]:
    """Plain text split at blank lines; a single line break is wrapping."""
    parts = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [" ".join(p.split()) for p in parts if p.strip()]


def text_of(html: str) -> str:
    """One line of text from a short piece of HTML (a title of type html)."""
    from lxml import etree
    from lxml import html as lxml_html

    if "<" not in html and "&" not in html:
        return " ".join(html.split())
    try:
        return " ".join(lxml_html.fragment_fromstring(html, create_parent="div").text_content().split())
    except (etree.ParserError, ValueError):
        return " ".join(html.split())


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


def same_text(a: str, b: Any) -> bool:
    """``a`` and ``b`` read the same, ignoring case and spacing."""
    return isinstance(b, str) and " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
