"""What an export holds: the store's timeline pages for a filter, with each event's sources and the
affiliations of its actors.

The events are the ones ``/timeline`` lists for the same filter, in the same order, because they
are read through ``GraphStore.timeline`` and its cursor: the window, type, actor, place and
disputed filters are the timeline's own code, in both stores. Undated events are not on the
timeline, so no export holds them (the event JSONL of ``extract`` does).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from eventgraph.graph.model import Actor, Affiliation
from eventgraph.graph.store import ActorDetail, EventDetail, GraphStore, TimelineFilter

PAGE_SIZE = 1000  # events per store round trip (the store caps a page at graph.window.ROW_CAP)


@dataclass
class ActorInfo:
    """An actor with its affiliations (both directions) and the actors at their other ends."""

    actor: Actor
    affiliations: list[Affiliation] = field(default_factory=list)
    related: dict[str, Actor] = field(default_factory=dict)

    @classmethod
    def of(cls, detail: ActorDetail) -> ActorInfo:
        return cls(detail.actor, list(detail.affiliations), dict(detail.related))

    @property
    def country(self) -> str:
        """The country an actor belongs to, by name: a country (gpe) itself, else the first country
        it holds a role in ("Secretary of Defense" of the United States); "" when none is known."""
        if self.actor.kind == "gpe":
            return self.actor.name
        for aff in self.affiliations:
            org = self.related.get(aff.org)
            if aff.actor == self.actor.id and org is not None and org.kind == "gpe":
                return org.name
        return ""


@dataclass
class ExportPage:
    """Events in timeline order with their sources, and every participant's ActorInfo."""

    events: list[EventDetail]
    actors: Mapping[str, ActorInfo]


class Selection:
    """Reads a filter's events page by page; actor lookups are made once per actor per export."""

    def __init__(self, store: GraphStore, flt: TimelineFilter, page_size: int | None = None) -> None:
        self.store = store
        self.flt = flt
        self.page_size = page_size or PAGE_SIZE
        self.actors: dict[str, ActorInfo] = {}
        self.done = False
        self.exported = 0  # events handed out so far
        self._cursor: str | None = None

    def next_page(self) -> ExportPage:
        """The next page (empty once ``done``); a store error propagates and the export stops."""
        if self.done:
            return ExportPage([], self.actors)
        page = self.store.timeline(self.flt, limit=self.page_size, cursor=self._cursor)
        self._cursor = page.next_cursor
        self.done = page.next_cursor is None
        ids = [row.event.id for row in page.rows]
        details = self.store.events(ids)
        events = [details[i] for i in ids if i in details]  # an event deleted meanwhile is left out
        for detail in events:
            for actor in (*detail.row.agents, *detail.row.targets):
                if actor.id not in self.actors:
                    found = self.store.actor(actor.id)
                    self.actors[actor.id] = ActorInfo.of(found) if found else ActorInfo(actor)
        self.exported += len(events)
        return ExportPage(events, self.actors)

    def pages(self) -> Iterator[ExportPage]:
        while not self.done:
            yield self.next_page()
