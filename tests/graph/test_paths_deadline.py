"""A search the caller gave up on stops: the deadline is checked inside the search loops.

The graph is large and built so that an ordered search can never succeed (the target's only
event is older than everything else) and so explores until its visit budget: seconds of work.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventgraph.api.app import create_app
from eventgraph.graph.deadline import Deadline, bound
from eventgraph.graph.errors import QueryTimeout
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import Actor, Article, Batch, DateInterval, Event, Source
from eventgraph.graph.paths import Incidence, find_paths
from eventgraph.graph.store import GraphStore
from eventgraph.settings import Settings

SOURCE, TARGET = "person:source", "person:target"


def crowded_batch(actors: int = 1000, events: int = 200, per_event: int = 100) -> Batch:
    """Meetings of many actors each: every actor has thousands of hops to walk."""
    rng = random.Random(0)
    ids = [f"group:g-{i:04d}" for i in range(actors)]
    src = [Source("a.txt", "They met.", 0, 9)]

    def on(d: date) -> DateInterval:
        return DateInterval(d, d, "day")

    found = []
    for i in range(events):
        who = rng.sample(ids, per_event)
        when = on(date(2019, 1, 1) + timedelta(days=i))
        half = per_event // 2
        found.append(Event(f"evt_{i}", "meeting", when, who[:half], who[half:], None, sources=src))
    found.append(Event("evt_s", "meeting", on(date(2018, 1, 1)), [SOURCE], [ids[0]], None, sources=src))
    found.append(Event("evt_t", "meeting", on(date(2000, 1, 1)), [ids[-1]], [TARGET], None, sources=src))
    people = [Actor(SOURCE, "Source", "person"), Actor(TARGET, "Target", "person")]
    return Batch([Article("a.txt")], found, [Actor(i, i, "group") for i in ids] + people, [], [])


class CountingDeadline(Deadline):
    """Cancelled by the test at a chosen point; counts the checks made after that."""

    def __init__(self) -> None:
        super().__init__(3600)
        self.checks_after_cancel = 0

    def check(self) -> None:
        if self.expired():
            self.checks_after_cancel += 1
        super().check()


class GivingUp:
    """The store's adjacency; the caller gives up after ``calls`` round trips."""

    def __init__(self, store: MemoryStore, deadline: Deadline, calls: int) -> None:
        self.store, self.deadline, self.left = store, deadline, calls
        self.after_cancel = 0

    def _tick(self) -> None:
        if self.deadline.expired():
            self.after_cancel += 1
        self.left -= 1
        if self.left == 0:
            self.deadline.cancel()

    def incidences(
        self, actor_ids: Sequence[str], window: DateInterval | None = None, dated: bool = False
    ) -> dict[str, list[Incidence]]:
        self._tick()
        return self.store.incidences(actor_ids, window, dated)

    def neighbours(self, actor_ids: Sequence[str], window: DateInterval | None, dated: bool) -> set[str]:
        self._tick()
        return self.store.neighbours(actor_ids, window, dated)


@pytest.fixture(scope="module")
def crowded() -> MemoryStore:
    store = MemoryStore()
    store.upsert(crowded_batch())
    return store


def test_search_stops_at_the_first_check_after_the_caller_gives_up(crowded: MemoryStore) -> None:
    deadline = CountingDeadline()
    adj = GivingUp(crowded, deadline, calls=12)
    with pytest.raises(QueryTimeout, match="time limit"):
        find_paths(adj, SOURCE, TARGET, max_hops=6, ordered=True, deadline=deadline)
    assert adj.left <= 0, "the search ended before the caller gave up: the graph is too small"
    assert adj.after_cancel == 0  # no round trip after the cancel
    assert deadline.checks_after_cancel == 1  # the very next check raised


def test_search_sees_the_callers_deadline_without_being_passed_one(crowded: MemoryStore) -> None:
    """Stores call find_paths without a deadline; the worker binds the request's."""
    deadline = Deadline(3600)
    deadline.cancel()
    with bound(deadline), pytest.raises(QueryTimeout):
        crowded.path(SOURCE, TARGET, max_hops=6, ordered=True)
    assert crowded.path(SOURCE, TARGET, max_hops=3) != []  # no deadline bound: no limit


def test_every_store_stops_its_queries_under_an_expired_deadline(empty_store: GraphStore) -> None:
    empty_store.upsert(crowded_batch(actors=60, events=20, per_event=10))
    deadline = Deadline(3600)
    deadline.cancel()
    with bound(deadline):
        with pytest.raises(QueryTimeout):
            empty_store.path(SOURCE, TARGET, max_hops=6, ordered=True)
        if empty_store.kind == "neo4j":  # nothing is sent to the server once the deadline passed
            with pytest.raises(QueryTimeout):
                empty_store.counts()
    assert empty_store.counts().events == 22


class Recording(MemoryStore):
    """Records how each path search ended, from its worker thread."""

    def __init__(self) -> None:
        super().__init__()
        self.ended: list[str] = []
        self.ends = threading.Semaphore(0)

    def path(self, *args: Any, **kwargs: Any) -> Any:
        try:
            found = super().path(*args, **kwargs)
        except QueryTimeout:
            self.ended.append("stopped")
            raise
        else:
            self.ended.append("completed")
            return found
        finally:
            self.ends.release()


def test_a_path_query_answering_504_has_stopped_its_search() -> None:
    """Seconds of search, a 1 s limit: the 504 comes at the limit, and the search thread stops
    there too (on the old code it ran on to the end after the answer)."""
    store = Recording()
    store.upsert(crowded_batch())
    app = create_app(store, Settings(query_timeout=1.0))
    params = {"from": SOURCE, "to": TARGET, "max_hops": 6, "ordered": "true"}
    with TestClient(app) as c:
        response = c.get("/path", params=params)
        assert response.status_code == 504, response.text
        assert store.ends.acquire(timeout=60) and store.ends.acquire(timeout=60)  # both searches ended
    assert store.ended == ["completed", "stopped"]  # shortest paths found, the ordered search stopped
    assert app.state.slots.in_use == 0


def test_a_wide_timeline_scan_stops_under_an_expired_deadline() -> None:
    """A filter nothing matches walks every event of the window; the walk checks the deadline."""
    from eventgraph.graph.store import TimelineFilter

    store = MemoryStore()
    store.upsert(crowded_batch(actors=200, events=3000, per_event=2))
    flt = TimelineFilter(start=date(2019, 1, 1), end=date(2030, 1, 1), types=["protest"])
    assert store.timeline(flt).rows == []  # no deadline: the whole scan, nothing found
    deadline = Deadline(3600)
    deadline.cancel()
    with bound(deadline), pytest.raises(QueryTimeout):
        store.timeline(flt)
