"""Stores for the graph tests: the embedded one, and the real Neo4j server (wiped per test)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.store import GraphStore
from tests.factories import neo4j_store, small_batch


@pytest.fixture(params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def empty_store(request: pytest.FixtureRequest) -> Iterator[GraphStore]:
    """An empty store of each kind; the Neo4j one is the real server, wiped first."""
    store: GraphStore = MemoryStore() if request.param == "memory" else neo4j_store()
    store.clear()
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def store(empty_store: GraphStore) -> GraphStore:
    empty_store.upsert(small_batch())
    return empty_store
