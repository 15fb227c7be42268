"""The event JSONL of docs/formats.md §2 from a store, so a selection can be loaded elsewhere.

Each event becomes a one-event Batch and goes through ``graph.export.event_rows``, the writer
``extract`` uses, so the lines have the same shape and ``eventgraph load`` reads them back. One
event per batch keeps every line independent of the others: an affiliation of a participant with
an actor of no other participant of the event is carried on the line (``held_by``), whichever
events share the page.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any

from eventgraph.graph.event_line import EventLine
from eventgraph.graph.export import event_rows
from eventgraph.graph.exports.selection import ActorInfo, ExportPage
from eventgraph.graph.model import Actor, Affiliation, Batch
from eventgraph.graph.store import EventDetail

WHAT = "the event JSONL of docs/formats.md (eventgraph load reads it back)"


def event_batch(detail: EventDetail, infos: Mapping[str, ActorInfo]) -> Batch:
    """The event with its sources, articles, place, actors and the actors' affiliations."""
    row = detail.row
    actors: dict[str, Actor] = {}
    affiliations: dict[tuple[str, str, str], Affiliation] = {}
    for actor in (*row.agents, *row.targets):
        actors.setdefault(actor.id, actor)
        info = infos.get(actor.id)
        if info is None:
            continue
        for aff in info.affiliations:
            affiliations.setdefault((aff.actor, aff.org, aff.role), aff)
        for other in info.related.values():
            actors.setdefault(other.id, other)
    articles = {s.article.id: s.article for s in detail.sources}
    return Batch(
        list(articles.values()),
        [dataclasses.replace(row.event, sources=[s.source for s in detail.sources])],
        list(actors.values()),
        [row.place] if row.place else [],
        list(affiliations.values()),
    )


class JsonlWriter:
    def head(self) -> str:
        return ""

    def page(self, page: ExportPage) -> str:
        return "".join(
            json.dumps(line, ensure_ascii=False) + "\n"
            for detail in page.events
            for line in event_rows(event_batch(detail, page.actors))
        )

    def tail(self) -> str:
        return ""


def event_schema() -> dict[str, Any]:
    """docs/event.schema.json: the line model ``load`` validates with, as a JSON Schema, for
    readers in other languages (tests/docs keeps the file equal to this)."""
    schema = EventLine.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "eventgraph event (one JSONL line)",
        "description": "docs/formats.md section 2; unknown keys are allowed and ignored.",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    return json.dumps(event_schema(), indent=2, ensure_ascii=False) + "\n"
