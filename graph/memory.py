"""The embedded store: the graph model of docs/architecture.md in memory, persisted to one file.

The networkx MultiDiGraph holds the actor graph: nodes keyed ``("Actor", id)`` and
AFFILIATED_WITH edges keyed by role, so merging a batch twice adds nothing. The
event relationships (AGENT_OF, TARGETS, AT, REPORTS) live in compact records
instead: each event keeps its participants, place and one report per article
(``_Event``), and indexes map actors to their events. A networkx edge costs an
attribute dict (two in a multigraph); with ~5 event edges per event that was
most of the store's memory, and no query read them through the graph.

The indexes, kept up to date on every upsert so that no query scans or builds
them: dated event keys in timeline order, split by interval length (globally,
per actor and per place), events per actor, events per place, the disputed
count, actor search terms (2- and 3-letter substrings of names and aliases
to actor ids, plus the names as the ranking compares them), and per hub actor
(``HUB_EVENTS`` events or more) the tally of its interactions, ranked by count.
"""

from __future__ import annotations

import dataclasses
import heapq
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx

from eventgraph.graph import actor_rank, path_pages, paths, persist
from eventgraph.graph import deadline as deadlines
from eventgraph.graph.errors import StoreError
from eventgraph.graph.memory_overview import MemoryOverview
from eventgraph.graph.model import (
    Actor,
    Affiliation,
    Article,
    Batch,
    DateInterval,
    Event,
    EventType,
    Place,
    Source,
)
from eventgraph.graph.paths import Incidence, affiliation, find_paths
from eventgraph.graph.store import (
    ActorDetail,
    ActorPath,
    Counts,
    EventDetail,
    EventRow,
    Interaction,
    PlaceSummary,
    SourceDetail,
    TimelineFilter,
    TimelinePage,
    path_hops,
)
from eventgraph.graph.window import DATE_MIN, ROW_CAP, SortKey, bounds, encode_cursor, span_class

INTERACTION_CAP = 100
CHECK_EVERY = 1023  # a timeline scan checks the caller's deadline once per this many + 1 keys
# Actors in this many events keep their interaction tally up to date on upsert; the others are tallied
# per query, by a walk over their events (cheaper than the memory a tally of every actor would take).
HUB_EVENTS = 256
# A tally's (first, last) ordinals until a dated event comes: min and max replace them.
UNDATED = (date.max.toordinal() + 1, 0)
Node = tuple[str, str]
Scope = tuple[str, str] | None  # ("actor", id), ("place", id) or None: every dated event


class _Source(NamedTuple):
    """A REPORTS link as stored: Source's fields in order, without a per-object dict."""

    doc: str
    sentence: str
    char_start: int
    char_end: int
    date_text: str | None
    date: DateInterval | None


class _Article(NamedTuple):
    id: str
    title: str
    publisher: str
    url: str
    published: date | None
    name: str


class _Event(NamedTuple):
    """An event as stored: participants sorted, one report per article (sorted by article)."""

    id: str
    type: EventType
    date: DateInterval | None
    agents: tuple[str, ...]
    targets: tuple[str, ...]
    place: str | None
    attributes: tuple[tuple[str, Any], ...]  # a dict's items: a tuple is smaller
    confidence: float
    disputed: bool
    summary: str
    sources: tuple[_Source, ...]


class _SpanClass(NamedTuple):
    """One interval-length class of a scope's dated events; never changed once built (readers may
    hold it while an upsert builds its successor)."""

    bucket: int  # index into SPAN_CLASSES (len(SPAN_CLASSES): longer than a year)
    longest: int  # longest interval in the class, days
    last: date  # latest end in the class
    keys: list[SortKey]  # timeline order


class _Tally:
    """One actor's counterparts, each with shared events, first start and last end (ordinals) and
    event-type bits, plus their order by descending count: an increment swaps the counterpart to the
    front of its count's run, so the most frequent counterparts are always a prefix (no sort, no scan)."""

    __slots__ = ("cells", "index", "order", "others", "place", "starts")

    def __init__(self) -> None:
        self.index: dict[str, int] = {}  # counterpart -> slot
        self.others: list[str] = []  # slot -> counterpart
        self.cells = array("q")  # 4 per slot: count, first, last, type bits
        self.order = array("q")  # slots by descending count
        self.place = array("q")  # slot -> its position in ``order``
        self.starts: dict[int, int] = {}  # count -> first position of its run in ``order``

    def add(self, other: str, first: int, last: int, bit: int) -> None:
        """Count one more event shared with ``other``."""
        cells, order, place, slot = self.cells, self.order, self.place, self.index.get(other)
        if slot is None:  # slots are appended to every array before ``order``: readers size by it
            slot = len(self.others)
            cells.extend((1, first, last, bit))
            self.others.append(other)
            place.append(slot)
            order.append(slot)
            self.index[other] = slot
            self.starts.setdefault(1, slot)
            return
        i = 4 * slot
        count, at = cells[i], place[slot]
        s = self.starts[count]
        if at != s:
            head = order[s]
            order[s], order[at], place[slot], place[head] = slot, head, s, at
        if s + 1 < len(order) and cells[4 * order[s + 1]] == count:
            self.starts[count] = s + 1
        else:  # s was the run's only position
            del self.starts[count]
        self.starts.setdefault(count + 1, s)  # the run of count + 1 ends just before s
        cells[i] = count + 1
        if first < cells[i + 1]:
            cells[i + 1] = first
        if last > cells[i + 2]:
            cells[i + 2] = last
        cells[i + 3] |= bit

    def top(self, cap: int) -> list[int]:
        """Slots of the ``cap`` highest counts, plus any counterparts tied with the last one."""
        order, cells = self.order, self.cells
        n = len(order)
        if n <= cap:
            return list(order)
        end, cut = cap, cells[4 * order[cap - 1]]
        while end < n and cells[4 * order[end]] == cut:
            end += 1
        return list(order[:end])


def _key(event: _Event) -> SortKey | None:
    return (event.date.start, event.date.end, event.id) if event.date else None


def _span(key: SortKey) -> int:
    return (key[1] - key[0]).days


def _bucket(key: SortKey) -> int:
    return span_class(key[0], key[1])


def _article(article: Article) -> _Article:
    return _Article(
        article.id, article.title, article.publisher, article.url, article.published, article.name
    )


def _rebuilt(
    classes: Sequence[_SpanClass], added: list[SortKey], dropped: set[SortKey]
) -> tuple[_SpanClass, ...]:
    """A scope's span classes with keys added and dropped; untouched classes are reused as they are."""
    new: dict[int, list[SortKey]] = {}
    for key in added:
        new.setdefault(_bucket(key), []).append(key)
    losing = {_bucket(key) for key in dropped}
    old = {c.bucket: c for c in classes}
    out = []
    for bucket in sorted(old.keys() | new.keys()):
        cls = old.get(bucket)
        if bucket not in new and bucket not in losing:
            assert cls is not None
            out.append(cls)
            continue
        if cls is None:
            keys = []
        elif bucket in losing:
            keys = [k for k in cls.keys if k not in dropped]
        else:
            keys = list(cls.keys)
        keys += new.get(bucket, [])
        if not keys:
            continue
        keys.sort()  # the old keys are one sorted run: this is a merge
        if cls is not None and bucket not in losing:
            fresh = new[bucket]
            longest = max(cls.longest, max(_span(k) for k in fresh))
            last = max(cls.last, max(k[1] for k in fresh))
        else:
            longest, last = max(_span(k) for k in keys), max(k[1] for k in keys)
        out.append(_SpanClass(bucket, longest, last, keys))
    return tuple(out)


def _affiliations(graph: nx.MultiDiGraph[Node], actor_id: str) -> list[Incidence]:
    """An actor's affiliations, either end: hops of the path search too."""
    node = ("Actor", actor_id)
    if node not in graph:
        return []
    edges = [*graph.out_edges(node, keys=True), *graph.in_edges(node, keys=True)]
    return [
        affiliation(u[1], v[1], k.split(":", 1)[1]) for u, v, k in edges if k.startswith("AFFILIATED_WITH:")
    ]


class MemoryGraph(MemoryOverview):
    """The embedded graph in memory and its queries; MemoryStore adds writing and its file."""

    kind = "memory"

    def __init__(self, path: Path | None = None) -> None:
        self.file = path
        self._lock = threading.RLock()
        self._reset()
        self._dirty = False
        self._broken = False  # an upsert failed midway: what is in memory is not a graph to save

    def _reset(self) -> None:
        self.graph: nx.MultiDiGraph[Node] = nx.MultiDiGraph()  # actors and their affiliations
        self._articles: dict[str, _Article] = {}
        self._events: dict[str, _Event] = {}
        self._actors: dict[str, Actor] = {}
        self._places: dict[str, Place] = {}
        self._actor_events: dict[str, list[str]] = {}  # each event once
        self._place_counts: dict[str, int] = {}
        self._classes: dict[Scope, tuple[_SpanClass, ...]] = {}
        self._names: dict[str, tuple[str, ...]] = {}  # actor_rank.ranked_names per actor
        self._grams: dict[str, list[str]] = {}  # actor_rank.search_grams -> actor ids
        self._incidences: dict[str, Incidence] = {}  # per event, for paths
        self._path_order = path_pages.Orders()  # per paged actor, kept current on upsert
        self._max_span = 0
        self._disputed = 0
        self._type_counts: Counter[str] = Counter()
        self._type_bits: dict[str, int] = {}  # event type -> its bit in a tally (room for 63 types)
        self._tallies: dict[str, _Tally] = {}  # hub actor -> its interactions
        self._stale: set[str] = set()  # hubs to tally afresh after the batch
        self._changed()

    def _marks(self, event: _Event) -> tuple[int, int, int]:
        """What an event adds to a tally: start and end ordinals (UNDATED if none) and its type's bit."""
        span = (event.date.start.toordinal(), event.date.end.toordinal()) if event.date else UNDATED
        return (*span, self._type_bits[event.type])

    def _tally(self, actor_id: str) -> _Tally:
        """An actor's tally from a walk over its events."""
        tally = _Tally()
        for event_id in self._actor_events.get(actor_id, ()):
            event = self._events[event_id]
            first, last, bit = self._marks(event)
            for other in {*event.agents, *event.targets}:
                if other != actor_id:
                    tally.add(other, first, last, bit)
        return tally

    # -- reading ------------------------------------------------------------

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
                if not i & CHECK_EVERY:  # a wide scan stops when the caller gives up
                    deadlines.check()
                if win.admits(key) and self._passes(self._events[key[2]], flt):
                    yield key

        bounds(flt, self._max_span, cursor)  # a bad window or cursor fails even on an empty store
        classes = self._classes.get(scope, ())
        return list(islice(heapq.merge(*(walk(c.longest, c.keys) for c in classes)), limit))

    def _passes(self, event: _Event, flt: TimelineFilter) -> bool:
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
        e = self._events[event_id]
        return EventRow(
            Event(
                e.id,
                e.type,
                e.date,
                list(e.agents),
                list(e.targets),
                e.place,
                dict(e.attributes),
                e.confidence,
                e.disputed,
                e.summary,
            ),
            [self._actor(a) for a in e.agents],
            [self._actor(a) for a in e.targets],
            dataclasses.replace(self._places[e.place]) if e.place else None,
            len(e.sources),
        )

    def event(self, event_id: str) -> EventDetail | None:
        stored = self._events.get(event_id)
        if stored is None:
            return None
        sources = [SourceDetail(Source(*s), Article(*self._articles[s.doc])) for s in stored.sources]
        return EventDetail(self._row(event_id), sources)

    def events(self, event_ids: Sequence[str]) -> dict[str, EventDetail]:
        return {i: d for i in event_ids if (d := self.event(i))}

    def actors(self, query: str = "", *, limit: int = 20) -> list[Actor]:
        limit = max(1, min(limit, ROW_CAP))
        if not query.strip():
            return [
                self._actor(a.id) for a in sorted(self._actors.values(), key=lambda a: (a.name, a.id))[:limit]
            ]
        found: set[str] = set()
        for stem in actor_rank.stems(query):
            found.update(self._grams.get(stem, ()))
        candidates = sorted(found)[: actor_rank.CANDIDATE_CAP]
        ranked = actor_rank.rank_prepared(
            query, ((self._actors[i], self._names[i]) for i in candidates), limit=limit
        )
        return [self._actor(a.id) for a in ranked]

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
        events = self._actor_events.get(actor_id, [])
        return ActorDetail(
            self._actor(actor_id), affiliations, related, self._interactions(actor_id), len(events)
        )

    def _interactions(self, actor_id: str) -> list[Interaction]:
        """The top of the actor's tally (a hub's kept one, else a fresh one), ties ranked by name and id."""
        tally = self._tallies.get(actor_id) or self._tally(actor_id)
        cells, others = tally.cells, tally.others
        types = list(self._type_bits.items())  # a copy: a batch being merged may add a type
        ranked = [
            (-cells[4 * p], self._actors[others[p]].name, others[p], p) for p in tally.top(INTERACTION_CAP)
        ]
        out = []
        for _, _, other, p in heapq.nsmallest(INTERACTION_CAP, ranked):
            count, first, last, bits = cells[4 * p : 4 * p + 4]
            out.append(
                Interaction(
                    self._actor(other),
                    count,
                    date.fromordinal(first) if (first, last) != UNDATED else None,
                    date.fromordinal(last) if (first, last) != UNDATED else None,
                    sorted(t for t, bit in types if bits & bit),
                )
            )
        return out

    def neighbours(self, actor_ids: Sequence[str], window: DateInterval | None, dated: bool) -> set[str]:
        return paths.neighbours(self, actor_ids, window, dated)

    def incidences(
        self, actor_ids: Sequence[str], window: DateInterval | None = None, dated: bool = False
    ) -> dict[str, list[Incidence]]:
        """The path search's view of the graph (graph.paths.Adjacency); every link, usable or not
        (reading them costs nothing here, and the search filters them)."""
        with self._lock:
            return {
                a: [*map(self._incidence, self._actor_events.get(a, ())), *_affiliations(self.graph, a)]
                for a in actor_ids
            }

    def _incidence(self, event_id: str) -> Incidence:
        """An event as a link of the path search, built once per event (dropped when it changes)."""
        inc = self._incidences.get(event_id)
        if inc is None:
            event = self._events[event_id]
            start, end = (event.date.start, event.date.end) if event.date else (None, None)
            inc = Incidence(event_id, start, end, tuple(sorted({*event.agents, *event.targets})))
            self._incidences[event_id] = inc
        return inc

    def _link_key(self, event_id: str) -> path_pages.Key:
        event = self._events[event_id]
        return (event.date.start if event.date else date.max), event_id

    def link_counts(self, actor_ids: Sequence[str]) -> dict[str, int]:
        """Events per actor, plus its affiliations (graph.paths.Paged)."""
        node = self.graph.degree
        return {
            a: len(self._actor_events.get(a, ())) + (node(("Actor", a)) if ("Actor", a) in self.graph else 0)
            for a in actor_ids
        }

    def incidences_page(
        self,
        actor_id: str,
        after: tuple[date, str] | None,
        limit: int,
        window: DateInterval | None,
        dated: bool,
    ) -> list[Incidence]:
        """A page of the actor's links in search order (graph.paths.Paged, graph.path_pages): by
        bisection in its kept order (an actor under BIG events: its events sorted here)."""
        with self._lock:
            keys = self._path_order.get(actor_id)
            if keys is None:
                keys = sorted(map(self._link_key, self._actor_events.get(actor_id, ())))
            at = path_pages.seek(after, window, dated)
            found = path_pages.page(keys, self._incidence, at, limit, window, dated, self._max_span)
            return found if after is not None else _affiliations(self.graph, actor_id) + found

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
                path_hops(p, {link.event: self._row(link.event) for link in p.links if link.kind == "event"}),
            )
            for p in found
        ]

    def places(self) -> list[PlaceSummary]:
        out = [
            PlaceSummary(dataclasses.replace(p), self._place_counts.get(p.id, 0))
            for p in self._places.values()
        ]
        out.sort(key=lambda s: (-s.event_count, s.place.name, s.place.id))
        return out

    def counts(self) -> Counts:
        by_type = {t: n for t, n in sorted(self._type_counts.items()) if n > 0}
        return Counts(
            len(self._articles),
            len(self._events),
            len(self._actors),
            len(self._places),
            self._disputed,
            by_type,
            sum(len(c.keys) for c in self._classes.get(None, ())),
        )

    def date_span(self) -> DateInterval | None:
        classes = self._classes.get(None, ())
        if not classes:
            return None
        return DateInterval(min(c.keys[0][0] for c in classes), max(c.last for c in classes), "range")

    def ping(self) -> bool:
        return True


class MemoryStore(MemoryGraph):
    """The embedded store: merges batches into the graph and keeps it in one file."""

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
            try:
                self._upsert(batch, progress)
            except BaseException:
                self._broken = True  # half merged: never saved over the file (see save)
                raise

    def _upsert(self, batch: Batch, progress: Callable[[int, int], None] | None) -> None:
        self._changed()  # a merge that fails midway changes it too
        for article in batch.articles:
            self._articles[article.id] = _article(article)
        for place in batch.places:
            self._places[place.id] = dataclasses.replace(place)
        for actor in batch.actors:
            self._merge_actor(actor)
        for aff in batch.affiliations:
            if aff.actor in self._actors and aff.org in self._actors:
                self.graph.add_edge(
                    ("Actor", aff.actor), ("Actor", aff.org), key=f"AFFILIATED_WITH:{aff.role}"
                )
        before: dict[str, tuple[SortKey | None, frozenset[Scope]]] = {}
        linked: dict[str, tuple[path_pages.Key | None, frozenset[str]]] = {}
        total = len(batch.events)
        for n, event in enumerate(batch.events, 1):
            if event.id not in before:
                before[event.id] = self._placement(self._events.get(event.id))
                linked[event.id] = self._linked(self._events.get(event.id))
            self._merge_event(event)
            if progress and (n % 1000 == 0 or n == total):
                progress(n, total)
        self._reindex(before)
        self._path_order.update(
            ((*was, *self._linked(self._events[event_id])) for event_id, was in linked.items()),
            self._actor_events.__getitem__,
            self._link_key,
        )
        for hub in self._stale:
            self._tallies[hub] = self._tally(hub)
        self._stale.clear()
        self._dirty = True
        self._changed()

    def _merge_actor(self, actor: Actor) -> None:
        old = self._actors.get(actor.id)
        aliases = list(old.aliases) if old else []
        aliases += [a for a in actor.aliases if a not in aliases]
        if old and old.name != actor.name and old.name not in aliases:
            aliases.append(old.name)  # a renamed actor stays findable by its former name
        new = Actor(actor.id, actor.name, actor.kind, aliases)
        self._actors[actor.id] = new
        self._names[actor.id] = tuple(actor_rank.ranked_names(new))
        had = actor_rank.search_grams(actor_rank.search_terms(old)) if old else set()
        has = actor_rank.search_grams(actor_rank.search_terms(new))
        for gram in has - had:
            self._grams.setdefault(gram, []).append(actor.id)
        for gram in had - has:
            self._grams[gram].remove(actor.id)
            if not self._grams[gram]:
                del self._grams[gram]
        self.graph.add_node(("Actor", actor.id))

    def _merge_event(self, event: Event) -> None:
        old = self._events.get(event.id)
        agents = {a for a in event.agents if a in self._actors}
        targets = {a for a in event.targets if a in self._actors}
        place = event.place if event.place in self._places else (old.place if old else None)
        sources = {s.doc: s for s in old.sources} if old else {}
        for src in event.sources:
            if src.doc not in self._articles:
                self._articles[src.doc] = _article(Article(src.doc))
            sources[src.doc] = _Source(
                src.doc, src.sentence, src.char_start, src.char_end, src.date_text, src.date
            )
        known: set[str] = set()
        if old:
            agents.update(old.agents)
            targets.update(old.targets)
            known.update(old.agents, old.targets)
            self._disputed -= old.disputed
            self._type_counts[old.type] -= 1
            if old.place and old.place != place:
                self._place_counts[old.place] -= 1
        stored = _Event(
            event.id,
            event.type,
            event.date,
            tuple(sorted(agents)),
            tuple(sorted(targets)),
            place,
            tuple(event.attributes.items()),
            event.confidence,
            event.disputed,
            event.summary,
            tuple(sorted(sources.values(), key=lambda s: s.doc)),
        )
        self._events[event.id] = stored
        self._disputed += stored.disputed
        self._type_counts[stored.type] += 1
        for actor in sorted((agents | targets) - known):
            self._actor_events.setdefault(actor, []).append(event.id)
        if place and not (old and old.place == place):
            self._place_counts[place] = self._place_counts.get(place, 0) + 1
        if stored.date:
            self._max_span = max(self._max_span, (stored.date.end - stored.date.start).days)
        self._type_bits.setdefault(stored.type, 1 << len(self._type_bits))
        self._track(old, stored)

    def _track(self, old: _Event | None, new: _Event) -> None:
        """Keep the hubs' tallies current: add the pairs this merge made. A hub already in an event whose
        date or type changed is tallied afresh after the batch (a min or max can't be taken back)."""
        people = {*new.agents, *new.targets}
        had = {*old.agents, *old.targets} if old else set()
        moved = old is not None and self._marks(old) != self._marks(new)
        first, last, bit = self._marks(new)
        for actor in people:
            tally = self._tallies.get(actor)
            if tally is None:
                if actor not in self._stale and len(self._actor_events[actor]) >= HUB_EVENTS:
                    self._tallies[actor] = self._tally(actor)  # this event included
            elif moved and actor in had:
                del self._tallies[actor]
                self._stale.add(actor)
            else:
                for other in people - had if actor in had else people:
                    if other != actor:
                        tally.add(other, first, last, bit)

    def _linked(self, event: _Event | None) -> tuple[path_pages.Key | None, frozenset[str]]:
        """Where an event sits in its actors' path orders (graph.path_pages): its key and actors."""
        if event is None:
            return None, frozenset()
        return self._link_key(event.id), frozenset((*event.agents, *event.targets))

    def _placement(self, event: _Event | None) -> tuple[SortKey | None, frozenset[Scope]]:
        """Where an event sits in the timeline indexes: its key and the scopes listing it."""
        key = _key(event) if event else None
        if event is None or key is None:
            return None, frozenset()
        scopes: set[Scope] = {None, *(("actor", a) for a in (*event.agents, *event.targets))}
        if event.place:
            scopes.add(("place", event.place))
        return key, frozenset(scopes)

    def _reindex(self, before: dict[str, tuple[SortKey | None, frozenset[Scope]]]) -> None:
        """Move the merged events in the timeline indexes from where they were before the batch."""
        added: dict[Scope, list[SortKey]] = {}
        dropped: dict[Scope, set[SortKey]] = {}
        for event_id, (old_key, old_scopes) in before.items():
            self._incidences.pop(event_id, None)
            key, scopes = self._placement(self._events[event_id])
            gone, came = (
                (old_scopes - scopes, scopes - old_scopes) if key == old_key else (old_scopes, scopes)
            )
            for scope in gone:
                assert old_key is not None
                dropped.setdefault(scope, set()).add(old_key)
            for scope in came:
                assert key is not None
                added.setdefault(scope, []).append(key)
        for scope in added.keys() | dropped.keys():
            classes = _rebuilt(self._classes.get(scope, ()), added.get(scope, []), dropped.get(scope, set()))
            if classes:
                self._classes[scope] = classes
            else:
                self._classes.pop(scope, None)

    def clear(self) -> None:
        with self._lock:
            self._reset()
            self._dirty = True
            self._broken = False

    def save(self, path: Path | None = None) -> None:
        """Write the whole graph atomically to ``path`` (default: where it was opened)."""
        target = path or self.file
        if target is None:
            raise ValueError("this store has no file: pass a path")
        with self._lock:
            if self._broken:
                raise StoreError("not saved: a load failed midway, so the store in memory is incomplete")
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
            [Article(*a) for a in self._articles.values()],
            events,
            list(self._actors.values()),
            list(self._places.values()),
            sorted(affiliations, key=lambda a: (a.actor, a.org, a.role)),
        )

    def close(self) -> None:
        """Save what changed, so a ``load`` persists without an extra call."""
        if self._dirty and not self._broken and self.file is not None:
            self.save()
