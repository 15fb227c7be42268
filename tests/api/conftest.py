"""A small seed-like graph on both stores, and an app client per store.

The batch mirrors the seed articles' story (Oct-Dec 2019, Esper, Abdul Mahdi,
Kata'ib Hizbollah) with every precision, a disputed event, an undated one and
the same window in another year, so each route branch has something to show.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from eventgraph.api.app import create_app
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.open import open_store
from eventgraph.graph.store import GraphStore
from eventgraph.settings import Settings
from tests.factories import seed_batch


def _neo4j_store() -> GraphStore:
    made = open_store("neo4j")  # NEO4J_URI/USER/PASSWORD from the environment, as make test sets them
    made.clear()
    return made


@pytest.fixture(scope="module", params=["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest) -> Iterator[GraphStore]:
    made: GraphStore = MemoryStore() if request.param == "memory" else _neo4j_store()
    made.upsert(seed_batch())
    yield made
    made.close()


@pytest.fixture
def client(store: GraphStore) -> Iterator[TestClient]:
    with TestClient(create_app(store, Settings(max_limit=50, query_timeout=20))) as c:
        yield c
