"""The embedded store's indexes and the shared path search agree with brute force."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

import pytest

from bench.gen_synthetic import generate
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import Actor, Batch, DateInterval, Event
from eventgraph.graph.paths import find_paths
from eventgraph.graph.store import TimelineFilter


@pytest.fixture(scope="module")
def synthetic() -> tuple[Batch, MemoryStore]:
    batch = generate(3000, seed=7)
    store = MemoryStore()
    store.upsert(batch)
    return batch, store


def brute_timeline(batch: Batch, flt: TimelineFilter) -> list[str]:
    out = []
    for e in batch.events:
        if e.date is None or (flt.types and e.type not in flt.types):
            continue
        if flt.actor and flt.actor not in e.agents + e.targets:
            continue
        lo, hi = flt.start or date.min, flt.end or date.max
        inside = lo <= e.date.start and e.date.end <= hi
        if inside if flt.match == "within" else (e.date.start <= hi and e.date.end >= lo):
            out.append((e.date.start, e.date.end, e.id))
    return [key[2] for key in sorted(out)]


def test_window_queries_match_a_full_scan(synthetic: tuple[Batch, MemoryStore]) -> None:
    batch, store = synthetic
    rng = random.Random(1)
    for _ in range(60):
        start = date(2018, 1, 1) + timedelta(days=rng.randrange(1100))
        flt = TimelineFilter(
            start,
            start + timedelta(days=rng.choice([0, 3, 30])),
            match=rng.choice(["overlap", "within"]),
            types=rng.choice([[], ["meeting", "airstrike"]]),
            actor=rng.choice([None, batch.actors[rng.randrange(50)].id]),
        )
        expected = brute_timeline(batch, flt)
        assert [r.event.id for r in store.timeline(flt, limit=10_000).rows] == expected
        assert store.count(flt) == len(expected)


def brute_paths(
    store: MemoryStore, source: str, target: str, hops: int, ordered: bool
) -> list[tuple[str, ...]]:
    """Every simple path by exhaustive enumeration, in the documented order."""
    found = []

    def walk(
        actors: list[str], events: list[str], keys: list[tuple[str, str, str]], last: date | None
    ) -> None:
        if actors[-1] == target:
            found.append((len(events), keys[:], tuple(events)))
            return
        if len(events) == hops:
            return
        for inc in store.incidences([actors[-1]])[actors[-1]]:
            if inc.event in events or (ordered and (inc.start is None or (last and inc.start < last))):
                continue
            for other in inc.actors:
                if other not in actors:
                    key = (inc.start.isoformat() if inc.start else "9999-99-99", inc.event, other)
                    walk([*actors, other], [*events, inc.event], [*keys, key], inc.start or last)

    walk([source], [], [], None)
    return [p[2] for p in sorted(found)]


def sparse_batch(seed: int) -> Batch:
    """Uniformly random small graph (no hubs), so exhaustive enumeration stays cheap."""
    rng = random.Random(seed)
    actors = [Actor(f"a{i:02d}", f"Actor {i}", "org") for i in range(30)]
    events = []
    for i in range(70):
        start = date(2020, 1, 1) + timedelta(days=rng.randrange(40))
        when = None if i % 10 == 0 else DateInterval(start, start + timedelta(days=rng.choice([0, 0, 3])))
        members = rng.sample([a.id for a in actors], rng.choice([2, 2, 3]))
        events.append(Event(f"e{i:02d}", "meeting", when, agents=members[:1], targets=members[1:]))
    return Batch(events=events, actors=actors)


@pytest.mark.parametrize("ordered", [False, True])
def test_path_search_matches_exhaustive_enumeration(ordered: bool) -> None:
    store = MemoryStore()
    store.upsert(sparse_batch(3))
    actors = [f"a{i:02d}" for i in range(12)]
    checked = 0
    for source, target in itertools.permutations(actors, 2):
        expected = brute_paths(store, source, target, 3, ordered)[:4]
        got = find_paths(store, source, target, max_hops=3, ordered=ordered, limit=4)
        assert [p.events for p in got] == expected
        checked += len(expected) > 1
    assert checked > 20


def test_window_excludes_undated_and_outside_events(synthetic: tuple[Batch, MemoryStore]) -> None:
    batch, store = synthetic
    window = DateInterval(date(2019, 1, 1), date(2019, 3, 31))
    for path in store.path(batch.actors[0].id, batch.actors[40].id, max_hops=3, window=window, limit=10):
        for hop in path.hops:  # affiliation hops have no event and no date
            assert hop.event is None or (
                hop.event.event.date is not None and hop.event.event.date.overlaps(window)
            )


def test_indexes_follow_events_that_change_on_a_later_upsert() -> None:
    """Dates moved or dropped, places changed, participants and sources added, disputes flipped: the
    timeline, counts and actor search indexes answer as a full scan of the merged events does."""
    batch = generate(3000, seed=11)
    store = MemoryStore()
    store.upsert(Batch(batch.articles, batch.events[:1500], batch.actors[:500], batch.places, []))
    store.upsert(Batch([], batch.events[1500:], batch.actors, [], batch.affiliations))
    rng = random.Random(2)
    changed = []
    for event in rng.sample(batch.events, 600):
        start = date(2018, 1, 1) + timedelta(days=rng.randrange(1000))
        roll = rng.random()
        when = event.date if roll < 0.4 else None if roll < 0.5 else DateInterval(start, start, "day")
        if 0.5 <= roll < 0.6:
            when = DateInterval(start, start + timedelta(days=400), "range")
        changed.append(
            Event(
                event.id,
                event.type,
                when,
                agents=event.agents,
                targets=[*event.targets, rng.choice(batch.actors).id],
                place=rng.choice([event.place, batch.places[0].id, batch.places[1].id]),
                disputed=not event.disputed if rng.random() < 0.5 else event.disputed,
            )
        )
    renamed = [Actor(a.id, f"Zebra {a.name}", a.kind, a.aliases) for a in batch.actors[:30]]
    store.upsert(Batch(events=changed + changed[:50], actors=renamed))

    merged = [d.row.event for i in dict.fromkeys(e.id for e in batch.events) if (d := store.event(i))]
    assert store.counts().disputed == sum(e.disputed for e in merged)
    by_place = {p.place.id: p.event_count for p in store.places()}
    assert all(by_place[p.id] == sum(e.place == p.id for e in merged) for p in batch.places)
    dated = [e for e in merged if e.date]
    assert store.date_span() == DateInterval(
        min(e.date.start for e in dated if e.date), max(e.date.end for e in dated if e.date), "range"
    )
    for _ in range(60):
        start = date(2018, 1, 1) + timedelta(days=rng.randrange(1100))
        flt = TimelineFilter(
            start,
            start + timedelta(days=rng.choice([0, 3, 30])),
            match=rng.choice(["overlap", "within"]),
            actor=rng.choice([None, batch.actors[rng.randrange(50)].id]),
        )
        expected = brute_timeline(Batch(events=merged), flt)
        assert [r.event.id for r in store.timeline(flt, limit=10_000).rows] == expected
    zebras = store.actors("zebra", limit=100)
    assert {a.id for a in zebras} == {a.id for a in renamed}
    assert all(a.name.startswith("Zebra ") and a.name[6:] in a.aliases for a in zebras)  # the old name stays
