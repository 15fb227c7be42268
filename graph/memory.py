"""The embedded store: a networkx MultiDiGraph of DESIGN.md's model, persisted to one file.

Nodes are keyed ``(label, id)``; edges are keyed by relationship type (and role
for AFFILIATED_WITH) so merging a batch twice adds nothing. Beside the graph it
keeps the indexes the queries need so that a window query never scans: event
keys sorted by start date, the longest event interval, and events per actor
and per place.
"""

from __future__ import annotations

import dataclasses
import heapq
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path

import networkx as nx

from graph import actor_rank, persist
from graph.model import Actor, Affiliation, Article, Batch, DateInterval, Event, Place
from graph.paths import Incidence, find_paths
from graph.store import (
    ActorDetail,
    ActorPath,
    Counts,
    EventDetail,
    EventRow,
    Hop,
    Interaction,
    PlaceSummary,
    SourceDetail,
    TimelineFilter,
    TimelinePage,
)
from graph.window import DATE_MIN, ROW_CAP, SortKey, bounds, encode_cursor

INTERACTION_CAP = 100
# Upper bounds (days) of the interval-length classes a window walks separately: an overlap window
# then starts each walk at its own class's longest span before the window, not the store's longest.
SPAN_CLASSES = (0, 7, 31, 92, 366)
Node = tuple[str, str]


def _key(event: Event) -> SortKey | None:
    return (event.date.start, event.date.end, event.id) if event.date else None


class MemoryStore:
    kind = "memory"

    def __init__(self, path: Path | None = None) -> None:
        self.file = path
        self._lock = threading.RLock()
        self._reset()
        self._dirty = False

    def _reset(self) -> None:
        self.graph: nx.MultiDiGraph[Node] = nx.MultiDiGraph()
        self._articles: dict[str, Article] = {}
        self._events: dict[str, Event] = {}
        self._actors: dict[str, Actor] = {}
        self._places: dict[str, Place] = {}
        self._actor_events: dict[str, set[str]] = {}
        self._place_events: dict[str, set[str]] = {}
        self._order: list[SortKey] | None = None  # all dated events, timeline order
        self._sub_orders: dict[tuple[str, str], list[SortKey]] = {}  # per actor / place
        self._by_span: dict[tuple[str, str] | None, list[tuple[int, list[SortKey]]]] = {}
        self._incidences: dict[str, Incidence] = {}  # per event, for paths
        self._max_span = 0

    @classmethod
    def open(cls, path: Path) -> MemoryStore:
        """The store saved at ``path``, or an empty one that will be saved there."""
        store = cls(path)
        if path.exists():
            store.upsert(persist.read(path))
            store._dirty = False
        return store

    # -- writing ------------------------------------------------------------

    def upsert(self, batch: Batch, *, progress: Callable[[int, int], None] | None = None) -> None:
        """Merge: same ids merge, aliases and participants are unioned, one REPORTS per article."""
        with self._lock:
            for article in batch.articles:
                self._articles[article.id] = dataclasses.replace(article)
                self.graph.add_node(("Article", article.id))
            for place in batch.places:
                self._places[place.id] = dataclasses.replace(place)
                self.graph.add_node(("Place", place.id))
            for actor in batch.actors:
                self._merge_actor(actor)
            for aff in batch.affiliations:
                if aff.actor in self._actors and aff.org in self._actors:
                    self.graph.add_edge(
                        ("Actor", aff.actor), ("Actor", aff.org), key=f"AFFILIATED_WITH:{aff.role}"
                    )
            total = len(batch.events)
            for n, event in enumerate(batch.events, 1):
                self._merge_event(event)
                if progress and (n % 1000 == 0 or n == total):
                    progress(n, total)
            self._order = None
            self._sub_orders.clear()
            self._by_span.clear()
            self._incidences.clear()
            self._dirty = True

    def _merge_actor(self, actor: Actor) -> None:
        old = self._actors.get(actor.id)
        aliases = list(old.aliases) if old else []
        aliases += [a for a in actor.aliases if a not in aliases]
        if old and old.name != actor.name and old.name not in aliases:
            aliases.append(old.name)  # a renamed actor stays findable by its former name
        self._actors[actor.id] = Actor(actor.id, actor.name, actor.kind, aliases)
        self.graph.add_node(("Actor", actor.id))

    def _merge_event(self, event: Event) -> None:
        old = self._events.get(event.id)
        node = ("Event", event.id)
        agents = {a for a in event.agents if a in self._actors} | set(old.agents if old else [])
        targets = {a for a in event.targets if a in self._actors} | set(old.targets if old else [])
        place = event.place if event.place in self._places else (old.place if old else None)
        if old and old.place and old.place != place:
            self.graph.remove_edge(node, ("Place", old.place), key="AT")
            self._place_events[old.place].discard(event.id)
        stored = dataclasses.replace(
            event,
            agents=sorted(agents),
            targets=sorted(targets),
            place=place,
            sources=[],
            attributes=dict(event.attributes),
        )
        self._events[event.id] = stored
        self.graph.add_node(node)
        for actor in agents:
            self.graph.add_edge(("Actor", actor), node, key="AGENT_OF")
        for actor in targets:
            self.graph.add_edge(node, ("Actor", actor), key="TARGETS")
        for actor in agents | targets:
            self._actor_events.setdefault(actor, set()).add(event.id)
        if place:
            self.graph.add_edge(node, ("Place", place), key="AT")
            self._place_events.setdefault(place, set()).add(event.id)
        for src in event.sources:
            if src.doc not in self._articles:
                self._articles[src.doc] = Article(src.doc)
            self.graph.add_edge(("Article", src.doc), node, key="REPORTS", source=dataclasses.replace(src))
        if stored.date:
            self._max_span = max(self._max_span, (stored.date.end - stored.date.start).days)

    def clear(self) -> None:
        with self._lock:
            self._reset()
            self._dirty = True

    def save(self, path: Path | None = None) -> None:
        """Write the whole graph atomically to ``path`` (default: where it was opened)."""
        target = path or self.file
        if target is None:
            raise ValueError("this store has no file: pass a path")
        with self._lock:
            persist.write(target, self._snapshot())
            self._dirty = False

    def _snapshot(self) -> Batch:
        affiliations = [
            Affiliation(u[1], v[1], key.split(":", 1)[1])
            for u, v, key in self.graph.edges(keys=True)
            if key.startswith("AFFILIATED_WITH:")
        ]
        events = []
        for event in self._events.values():
            detail = self.event(event.id)
            assert detail is not None
            events.append(dataclasses.replace(detail.row.event, sources=[s.source for s in detail.sources]))
        return Batch(
            list(self._articles.values()),
            events,
            list(self._actors.values()),
            list(self._places.values()),
            sorted(affiliations, key=lambda a: (a.actor, a.org, a.role)),
        )

    # -- reading ------------------------------------------------------------

    def _ordered(self, scope: tuple[str, str] | None = None) -> list[SortKey]:
        with self._lock:
            if self._order is None:
                self._order = sorted(k for e in self._events.values() if (k := _key(e)))
            if scope is None:
                return self._order
            if scope not in self._sub_orders:
                ids = (self._actor_events if scope[0] == "actor" else self._place_events).get(scope[1], set())
                self._sub_orders[scope] = sorted(k for i in ids if (k := _key(self._events[i])))
            return self._sub_orders[scope]

    def _span_classes(self, scope: tuple[str, str] | None) -> list[tuple[int, list[SortKey]]]:
        """The scope's keys split by interval length: (longest span in the class, keys in order)."""
        with self._lock:
            if scope not in self._by_span:
                classes: dict[int, list[SortKey]] = {}
                for key in self._ordered(scope):
                    span = (key[1] - key[0]).days
                    classes.setdefault(bisect_left(SPAN_CLASSES, span), []).append(key)
                self._by_span[scope] = [
                    (max((k[1] - k[0]).days for k in keys), keys) for keys in classes.values()
                ]
            return self._by_span[scope]

    def _matching(self, flt: TimelineFilter, cursor: str | None, limit: int) -> list[SortKey]:
        """Up to ``limit`` keys in timeline order: each span class walked from its own bound, merged."""
        scope = ("actor", flt.actor) if flt.actor else ("place", flt.place) if flt.place else None

        def walk(max_span: int, keys: list[SortKey]) -> Iterator[SortKey]:
            win = bounds(flt, max_span, cursor)
            i = bisect_left(keys, (win.start_lo, DATE_MIN, ""))
            if win.after:
                i = max(i, bisect_right(keys, win.after))
            while i < len(keys) and keys[i][0] <= win.start_hi:
                key = keys[i]
                i += 1
                if win.admits(key) and self._passes(self._events[key[2]], flt):
                    yield key

        bounds(flt, self._max_span, cursor)  # a bad window or cursor fails even on an empty store
        return list(islice(heapq.merge(*(walk(*c) for c in self._span_classes(scope))), limit))

    def _passes(self, event: Event, flt: TimelineFilter) -> bool:
        return (
            (not flt.types or event.type in flt.types)
            and (flt.actor is None or flt.actor in event.agents or flt.actor in event.targets)
            and (flt.place is None or event.place == flt.place)
            and (flt.disputed is None or event.disputed == flt.disputed)
        )

    def timeline(self, flt: TimelineFilter, *, limit: int = 100, cursor: str | None = None) -> TimelinePage:
        limit = max(1, min(limit, ROW_CAP))
        keys = self._matching(flt, cursor, limit + 1)
        more = len(keys) > limit
        keys = keys[:limit]
        return TimelinePage(self._rows(k[2] for k in keys), encode_cursor(keys[-1]) if more else None)

    def count(self, flt: TimelineFilter) -> int:
        return len(self._matching(flt, None, len(self._events) + 1))

    def _actor(self, actor_id: str) -> Actor:
        actor = self._actors[actor_id]
        return dataclasses.replace(actor, aliases=list(actor.aliases))

    def _rows(self, event_ids: Iterable[str]) -> list[EventRow]:
        return [self._row(i) for i in event_ids]

    def _row(self, event_id: str) -> EventRow:
        event = self._events[event_id]
        sources = sum(1 for _, _, k in self.graph.in_edges(("Event", event_id), keys=True) if k == "REPORTS")
        return EventRow(
            dataclasses.replace(
                event,
                agents=list(event.agents),
                targets=list(event.targets),
                attributes=dict(event.attributes),
            ),
            [self._actor(a) for a in event.agents],
            [self._actor(a) for a in event.targets],
            dataclasses.replace(self._places[event.place]) if event.place else None,
            sources,
        )

    def event(self, event_id: str) -> EventDetail | None:
        if event_id not in self._events:
            return None
        sources = [
            SourceDetail(dataclasses.replace(data["source"]), dataclasses.replace(self._articles[u[1]]))
            for u, _, key, data in self.graph.in_edges(("Event", event_id), keys=True, data=True)
            if key == "REPORTS"
        ]
        sources.sort(key=lambda s: s.source.doc)
        return EventDetail(self._row(event_id), sources)

    def actors(self, query: str = "", *, limit: int = 20) -> list[Actor]:
        limit = max(1, min(limit, ROW_CAP))
        if not query.strip():
            return [
                self._actor(a.id) for a in sorted(self._actors.values(), key=lambda a: (a.name, a.id))[:limit]
            ]
        stems = actor_rank.stems(query)
        candidates = sorted(
            a.id for a in self._actors.values() if actor_rank.is_candidate(actor_rank.search_terms(a), stems)
        )[: actor_rank.CANDIDATE_CAP]
        return actor_rank.rank(query, (self._actor(i) for i in candidates), limit=limit)

    def actor(self, actor_id: str) -> ActorDetail | None:
        if actor_id not in self._actors:
            return None
        node = ("Actor", actor_id)
        affiliations = [
            Affiliation(u[1], v[1], key.split(":", 1)[1])
            for u, v, key in [*self.graph.out_edges(node, keys=True), *self.graph.in_edges(node, keys=True)]
            if key.startswith("AFFILIATED_WITH:")
        ]
        affiliations.sort(key=lambda a: (a.actor, a.org, a.role))
        related = {
            other: self._actor(other)
            for aff in affiliations
            for other in (aff.actor, aff.org)
            if other != actor_id
        }
        events = self._actor_events.get(actor_id, set())
        return ActorDetail(
            self._actor(actor_id), affiliations, related, self._interactions(actor_id, events), len(events)
        )

    def _interactions(self, actor_id: str, events: set[str]) -> list[Interaction]:
        shared: dict[str, list[Event]] = {}
        for event_id in events:
            event = self._events[event_id]
            for other in set(event.agents) | set(event.targets):
                if other != actor_id:
                    shared.setdefault(other, []).append(event)
        out = []
        for other, evs in shared.items():
            dated = [e.date for e in evs if e.date]
            out.append(
                Interaction(
                    self._actor(other),
                    len(evs),
                    min(d.start for d in dated) if dated else None,
                    max(d.end for d in dated) if dated else None,
                    sorted({e.type for e in evs}),
                )
            )
        out.sort(key=lambda i: (-i.count, i.actor.name, i.actor.id))
        return out[:INTERACTION_CAP]

    def incidences(self, actor_ids: Sequence[str]) -> dict[str, list[Incidence]]:
        """The path search's view of the graph (graph.paths.Adjacency)."""
        with self._lock:
            cache = self._incidences
            out = {}
            for actor_id in actor_ids:
                incs = []
                for event_id in self._actor_events.get(actor_id, ()):
                    if event_id not in cache:
                        event = self._events[event_id]
                        start, end = (event.date.start, event.date.end) if event.date else (None, None)
                        cache[event_id] = Incidence(
                            event_id, start, end, tuple(sorted({*event.agents, *event.targets}))
                        )
                    incs.append(cache[event_id])
                out[actor_id] = incs
            return out

    def path(
        self,
        source: str,
        target: str,
        *,
        max_hops: int = 4,
        ordered: bool = False,
        window: DateInterval | None = None,
        limit: int = 5,
    ) -> list[ActorPath]:
        if source not in self._actors or target not in self._actors:
            return []
        found = find_paths(
            self, source, target, max_hops=max_hops, ordered=ordered, window=window, limit=limit
        )
        return [
            ActorPath(
                [self._actor(a) for a in p.actors],
                [Hop(p.actors[i], p.actors[i + 1], self._row(e)) for i, e in enumerate(p.events)],
            )
            for p in found
        ]

    def places(self) -> list[PlaceSummary]:
        out = [
            PlaceSummary(dataclasses.replace(p), len(self._place_events.get(p.id, ())))
            for p in self._places.values()
        ]
        out.sort(key=lambda s: (-s.event_count, s.place.name, s.place.id))
        return out

    def counts(self) -> Counts:
        return Counts(
            len(self._articles),
            len(self._events),
            len(self._actors),
            len(self._places),
            sum(1 for e in self._events.values() if e.disputed),
        )

    def date_span(self) -> DateInterval | None:
        order = self._ordered()
        if not order:
            return None
        return DateInterval(order[0][0], max(k[1] for k in order), "range")

    def ping(self) -> bool:
        return True

    def close(self) -> None:
        """Save what changed, so a ``load`` persists without an extra call."""
        if self._dirty and self.file is not None:
            self.save()
