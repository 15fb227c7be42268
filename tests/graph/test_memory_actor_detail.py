"""The embedded store's interaction tallies (kept per hub, built per query otherwise) agree with brute force,
also after events are merged again with other dates, types and participants."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta

import pytest

from bench.gen_synthetic import generate
from eventgraph.graph import memory
from eventgraph.graph.memory import INTERACTION_CAP, MemoryStore
from eventgraph.graph.model import Batch, DateInterval, Event

Row = tuple[str, int, date | None, date | None, list[str]]


def stored(store: MemoryStore, event_ids: set[str]) -> list[Event]:
    """The events as the store now gives them out."""
    details = [store.event(i) for i in sorted(event_ids)]
    return [d.row.event for d in details if d is not None]


def brute(names: dict[str, str], events: list[Event], actor_id: str) -> list[Row]:
    """Interactions from the events alone, ranked and capped as documented."""
    shared: dict[str, list[Event]] = {}
    for event in events:
        people = {*event.agents, *event.targets}
        if actor_id in people:
            for other in people - {actor_id}:
                shared.setdefault(other, []).append(event)
    rows: list[Row] = []
    for other, evs in shared.items():
        dated = [e.date for e in evs if e.date]
        rows.append(
            (
                other,
                len(evs),
                min(d.start for d in dated) if dated else None,
                max(d.end for d in dated) if dated else None,
                sorted({str(e.type) for e in evs}),
            )
        )
    rows.sort(key=lambda r: (-r[1], names[r[0]], r[0]))
    return rows[:INTERACTION_CAP]


def answered(store: MemoryStore, actor_id: str) -> list[Row]:
    detail = store.actor(actor_id)
    assert detail is not None
    return [(i.actor.id, i.count, i.first, i.last, i.types) for i in detail.interactions]


def remerged(batch: Batch, rng: random.Random) -> Batch:
    """Some events again with another date (or none), another type, or more participants; a renamed actor."""
    events = []
    for event in rng.sample(batch.events, len(batch.events) // 5):
        roll = rng.random()
        if roll < 0.3:
            start = date(2018, 1, 1) + timedelta(days=rng.randrange(1000))
            when = (
                None
                if rng.random() < 0.2
                else DateInterval(start, start + timedelta(days=rng.choice([0, 9])))
            )
            event = dataclasses.replace(event, date=when)
        elif roll < 0.5:
            event = dataclasses.replace(event, type=rng.choice(["meeting", "protest", "airstrike"]))
        else:
            extra = [rng.choice(batch.actors[:30]).id, rng.choice(batch.actors).id]
            event = dataclasses.replace(event, targets=[*event.targets, *extra])
        events.append(event)
    renamed = dataclasses.replace(batch.actors[3], name="Aaa Renamed")
    return Batch([], events, [renamed], [], [])


@pytest.mark.parametrize("hub_events", [1, 40, 10**9])  # every actor a hub, some, none
def test_interactions_match_brute_force_before_and_after_a_remerge(
    monkeypatch: pytest.MonkeyPatch, hub_events: int
) -> None:
    monkeypatch.setattr(memory, "HUB_EVENTS", hub_events)
    rng = random.Random(5)
    batch = generate(3000, seed=7)
    store = MemoryStore()
    store.upsert(batch)
    ids = {e.id for e in batch.events}
    actors = [a.id for a in batch.actors[:40]] + rng.sample([a.id for a in batch.actors], 60)
    assert len(answered(store, batch.actors[0].id)) == INTERACTION_CAP  # the cap is exercised
    names = {a.id: a.name for a in batch.actors}
    events = stored(store, ids)
    for actor_id in actors:
        assert answered(store, actor_id) == brute(names, events, actor_id)
    again = remerged(batch, rng)
    store.upsert(again)
    names.update((a.id, a.name) for a in again.actors)
    events = stored(store, ids)
    for actor_id in actors:
        assert answered(store, actor_id) == brute(names, events, actor_id)
    assert not store._stale


def test_clear_drops_the_tallies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "HUB_EVENTS", 1)
    store = MemoryStore()
    batch = generate(300, seed=1)
    store.upsert(batch)
    store.clear()
    store.upsert(Batch([], [], batch.actors, [], []))
    assert all(store.actor(a.id).interactions == [] for a in batch.actors[:20])  # type: ignore[union-attr]
