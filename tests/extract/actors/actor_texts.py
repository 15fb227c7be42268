"""Hand-made article texts for actor tests (no spaCy model): entities are given by offset."""

from __future__ import annotations

from eventgraph.extract.actors import DocumentActors
from eventgraph.extract.events.mention import Span


def make_doc(text: str, ents: list[tuple[str, str]]) -> DocumentActors:
    """Entities as (surface, label); each is found at its first occurrence not inside an earlier one."""
    spans: list[tuple[int, int, str]] = []
    for surface, label in ents:
        start = text.index(surface)
        while any(s <= start < e for s, e, _ in spans):
            start = text.index(surface, start + 1)
        spans.append((start, start + len(surface), label))
    return DocumentActors("doc.txt", text, spans)


def make_span(text: str, surface: str, label: str = "NOUN", nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Span(surface, start, start + len(surface), label)
