"""What event detection hands to actor/place resolution and cross-article merging.

A ``Mention`` is one article's report of one event, still in the article's own
words: its participants are text spans, not canonical actors yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventgraph.graph.model import DateInterval


@dataclass(frozen=True)
class Span:
    """A stretch of the raw article text naming a participant or a place."""

    text: str  # as written: "Esper", "the US defense secretary", "he", "Iraq's acting Prime Minister"
    start: int  # character offsets into RawArticle.text
    end: int
    # spaCy entity label (PERSON, ORG, GPE, NORP, FAC, LOC...), or "PRON" / "NOUN" for pronouns and role nouns
    label: str


@dataclass
class Mention:
    doc: str  # article id (graph.model.Article.id)
    type: str  # one of graph.model.EVENT_TYPES
    trigger: str  # the word that evokes the event ("phoned", "attack", "warned")
    trigger_start: int  # character offset of the trigger in the raw text
    sentence: str  # the source sentence, verbatim
    char_start: int  # sentence offsets into the raw text
    char_end: int
    agents: list[Span] = field(default_factory=list)
    targets: list[Span] = field(default_factory=list)
    place: Span | None = None
    date: DateInterval | None = None
    date_text: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)  # speech_act, weapon, count, casualties, quote
    confidence: float = 0.5
    from_title: bool = False  # taken from the headline (weaker evidence)
