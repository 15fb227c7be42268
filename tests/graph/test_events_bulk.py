"""Many events with their sources at once: the same answer as one by one, on both stores."""

from __future__ import annotations

from eventgraph.graph.store import GraphStore, TimelineFilter


def test_events_in_bulk_equal_events_one_by_one(store: GraphStore) -> None:
    ids = [row.event.id for row in store.timeline(TimelineFilter()).rows]
    assert len(ids) > 3
    asked = [*reversed(ids), "evt_nonexistent", ids[0]]
    bulk = store.events(asked)
    assert list(bulk) == list(reversed(ids))  # asked order, unknown ids left out, each once
    assert bulk == {i: store.event(i) for i in ids}
    assert any(len(d.sources) > 1 for d in bulk.values())
    assert store.events([]) == {}
