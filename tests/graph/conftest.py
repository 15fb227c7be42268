"""Stores for the graph tests: the embedded one, and the real Neo4j server (wiped per test)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

import pytest

from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import Actor, Affiliation, Article, Batch, DateInterval, Event, Place, Source
from eventgraph.graph.store import GraphStore

NEO4J_URI = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
NEO4J_USER = os.environ.get("NEO4J_USER", "neo4j")
NEO4J_PASSWORD = os.environ.get("NEO4J_PASSWORD", "eventgraph")


def day(month: int, dom: int, until: tuple[int, int] | None = None, precision: str = "day") -> DateInterval:
    end = date(2019, *until) if until else date(2019, month, dom)
    return DateInterval(date(2019, month, dom), end, precision)  # type: ignore[arg-type]


ESPER, MAHDI, US, KH, IRAQ, LONER = (
    "person:mark-esper",
    "person:adil-abdul-mahdi",
    "gpe:united-states",
    "group:kataib-hizbollah",
    "gpe:iraq",
    "person:lonely-actor",
)


def src(doc: str, text: str, when: DateInterval | None, date_text: str | None = None) -> Source:
    return Source(doc, text, 10, 10 + len(text), date_text, when)


def small_batch() -> Batch:
    """A hand-built graph whose answers are worked out in the tests (dates in 2019)."""
    ev = Event
    return Batch(
        articles=[
            Article("a1.txt", "Esper calls Iraqi PM", "Wire", "http://a1", date(2019, 12, 16)),
            Article("a2.txt", "Strikes in Iraq", "Daily", "http://a2", date(2019, 12, 30)),
        ],
        actors=[
            Actor(ESPER, "Mark Esper", "person", ["Esper", "US Defense Secretary Mark Esper"]),
            Actor(MAHDI, "Adil Abdul Mahdi", "person", ["Adel Abdul Mahdi", "Abdul Mahdi"]),
            Actor(US, "United States", "gpe", ["US", "Washington"]),
            Actor(KH, "Kata'ib Hizbollah", "group", ["KH"]),
            Actor(IRAQ, "Iraq", "gpe"),
            Actor(LONER, "Lonely Actor", "person"),
        ],
        places=[
            Place("place:baghdad", "Baghdad", 33.31, 44.36, "IQ", "city"),
            Place("place:k1-air-base", "K1 Air Base", 35.51, 44.28, "IQ", "base"),
            Place("place:nowhere", "Nowhere"),
        ],
        affiliations=[
            Affiliation(ESPER, US, "Secretary of Defense"),
            Affiliation(MAHDI, IRAQ, "Prime Minister"),
        ],
        events=[
            ev("e1", "rocket_attack", day(12, 27), [KH], [US], "place:k1-air-base", {"count": 30},
               sources=[src("a2.txt", "30 rockets hit K1.", day(12, 27), "Friday")]),
            ev("e2", "phone_call", day(12, 15), [ESPER], [MAHDI], None, {}, 0.8, True, "Esper phoned Mahdi",
               [src("a1.txt", "Esper called Mahdi on Sunday.", day(12, 15), "on Sunday"),
                src("a2.txt", "Esper called Mahdi on Monday.", day(12, 16), "on Monday")]),
            ev("e3", "resignation", day(11, 20, (11, 30), "range"), [MAHDI],
               sources=[src("a1.txt", "Mahdi resigned in late November.", day(11, 20, (11, 30), "range"))]),
            ev("e4", "airstrike", day(12, 29), [US], [KH], "place:baghdad",
               sources=[src("a2.txt", "US jets struck KH.", day(12, 29))]),
            ev("e5", "statement", None, [ESPER], [KH], None, {"speech_act": "warning"},
               sources=[src("a1.txt", "Esper warned KH.", None)]),
            ev("e6", "meeting", day(10, 28, (11, 3), "week"), [ESPER], [IRAQ],
               sources=[src("a1.txt", "Esper met Iraqi officials last week.", day(10, 28, (11, 3), "week"))]),
            ev("e7", "meeting", day(12, 20), [MAHDI], [US], "place:baghdad",
               sources=[src("a2.txt", "Mahdi met the US envoy.", day(12, 20))]),
            ev("e8", "protest", day(10, 1), [KH], [IRAQ], "place:baghdad",
               sources=[src("a2.txt", "KH protested.", day(10, 1))]),
        ],
    )  # fmt: skip


def neo4j_store() -> GraphStore:
    from eventgraph.graph.neo4j_store import Neo4jStore

    return Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, timeout=20.0)


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
