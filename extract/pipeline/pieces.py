"""Long articles in pieces: spaCy refuses texts over its ``max_length`` and its memory grows with the text.

An article longer than ``PIECE_CHARS`` is cut into contiguous pieces at paragraph breaks
(else line ends, sentence ends, spaces) and each piece is parsed and resolved on its own;
the mentions of a piece are then shifted by the piece's start, so every offset still
indexes the whole article's text.
"""

from __future__ import annotations

import dataclasses
import re

from eventgraph.extract.events.mention import Mention, Span

# Far below spaCy's max_length (1,000,000), so that a piece's Doc and the per-article steps
# (some grow with the square of an article's names) stay small; about 5,000 words, which few
# news articles reach (the longest seed has 18,000 characters): they are one piece, as before.
PIECE_CHARS = 30_000
# A cut is looked for in the last part of a window only, so no piece is tiny.
_MIN_SHARE = 0.5
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)]?\s+"),
    re.compile(r"\s+"),
)


def pieces(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """Contiguous (start, end) ranges covering ``text``, each at most ``limit`` (PIECE_CHARS) characters."""
    limit = limit or PIECE_CHARS
    if limit < 2:
        raise ValueError(f"piece limit must be at least 2 characters, not {limit}")
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start + int(limit * _MIN_SHARE), start + limit)
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def _cut(text: str, lo: int, hi: int) -> int:
    """The end of the last, strongest break in text[lo:hi]; ``hi`` when there is none at all."""
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(text, lo, hi)]
        if ends:
            return ends[-1]
    return hi


def shifted(mention: Mention, by: int) -> Mention:
    """The mention with every offset moved by ``by`` (a piece's offsets -> the article's)."""
    if by == 0:
        return mention

    def move(span: Span) -> Span:
        return dataclasses.replace(span, start=span.start + by, end=span.end + by)

    return dataclasses.replace(
        mention,
        trigger_start=mention.trigger_start + by,
        char_start=mention.char_start + by,
        char_end=mention.char_end + by,
        agents=[move(s) for s in mention.agents],
        targets=[move(s) for s in mention.targets],
        place=move(mention.place) if mention.place is not None else None,
    )
