"""The event JSONL of docs/formats.md §2 from a store, so a selection can be loaded elsewhere.

Each page becomes a Batch and goes through ``graph.export.event_rows``, the writer ``extract``
uses, so the lines are the same shape and ``eventgraph load`` reads them back.
"""

from __future__ import annotations

import dataclasses
import json

from eventgraph.graph.export import event_rows
from eventgraph.graph.exports.selection import ExportPage
from eventgraph.graph.model import Actor, Affiliation, Article, Batch, Place

WHAT = "the event JSONL of docs/formats.md (eventgraph load reads it back)"


def page_batch(page: ExportPage) -> Batch:
    """The page's events with their sources, articles, places, actors and the actors' affiliations."""
    articles: dict[str, Article] = {}
    places: dict[str, Place] = {}
    actors: dict[str, Actor] = {}
    affiliations: dict[tuple[str, str, str], Affiliation] = {}
    events = []
    for detail in page.events:
        row = detail.row
        events.append(dataclasses.replace(row.event, sources=[s.source for s in detail.sources]))
        for s in detail.sources:
            articles.setdefault(s.article.id, s.article)
        if row.place:
            places.setdefault(row.place.id, row.place)
        for actor in (*row.agents, *row.targets):
            actors.setdefault(actor.id, actor)
            info = page.actors.get(actor.id)
            if info is None:
                continue
            for aff in info.affiliations:
                affiliations.setdefault((aff.actor, aff.org, aff.role), aff)
            for other in info.related.values():
                actors.setdefault(other.id, other)
    return Batch(
        list(articles.values()),
        events,
        list(actors.values()),
        list(places.values()),
        list(affiliations.values()),
    )


class JsonlWriter:
    def head(self) -> str:
        return ""

    def page(self, page: ExportPage) -> str:
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in event_rows(page_batch(page)))

    def tail(self) -> str:
        return ""
