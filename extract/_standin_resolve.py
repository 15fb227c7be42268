"""TEMPORARY stand-in for extract.resolve.build_batch (one event per mention); removed when it lands."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.mention import Mention, Span
from extract.read import RawArticle
from graph.model import Actor, Batch, Event, Place, Source, actor_id, digest, place_id

_KINDS = {"PERSON": "person", "GPE": "gpe", "NORP": "gpe", "ORG": "org"}


def build_batch(items: list[tuple[RawArticle, Doc, list[Mention]]]) -> Batch:
    batch = Batch()
    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}

    def ids(spans: list[Span]) -> list[str]:
        out = []
        for span in spans:
            if span.label in ("PRON",):
                continue
            kind = _KINDS.get(span.label, "group")
            aid = actor_id(kind, span.text)
            actors.setdefault(aid, Actor(aid, span.text, kind))  # type: ignore[arg-type]
            out.append(aid)
        return out

    for raw, _doc, mentions in items:
        batch.articles.append(raw.article)
        for m in mentions:
            pid = None
            if m.place:
                pid = place_id(m.place.text)
                places.setdefault(pid, Place(pid, m.place.text))
            src = Source(m.doc, m.sentence, m.char_start, m.char_end, m.date_text, m.date)
            batch.events.append(
                Event(
                    id="evt_" + digest(m.doc, str(m.trigger_start), m.type),
                    type=m.type,  # type: ignore[arg-type]
                    date=m.date,
                    agents=ids(m.agents),
                    targets=ids(m.targets),
                    place=pid,
                    attributes=dict(m.attributes),
                    confidence=m.confidence,
                    sources=[src],
                )
            )
    batch.actors = list(actors.values())
    batch.places = list(places.values())
    return batch
