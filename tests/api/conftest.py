"""A small seed-like graph on both stores, and an app client per store.

The batch mirrors the seed articles' story (Oct-Dec 2019, Esper, Abdul Mahdi,
Kata'ib Hizbollah) with every precision, a disputed event, an undated one and
the same window in another year, so each route branch has something to show.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from eventgraph.api.app import create_app
from eventgraph.api.settings import Settings
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import Actor, Affiliation, Article, Batch, DateInterval, Event, Place, Source
from eventgraph.graph.open import open_store
from eventgraph.graph.store import GraphStore

ESPER = "person:mark-esper"
MAHDI = "person:adil-abdul-mahdi"
KH = "group:kataib-hizbollah"
US = "gpe:united-states"
IRAN = "gpe:iran"
PROTESTERS = "group:iraqi-protesters"


def day(y: int, m: int, d: int) -> DateInterval:
    return DateInterval(date(y, m, d), date(y, m, d), "day")


def src(doc: str, sentence: str, when: DateInterval | None, date_text: str | None = None) -> Source:
    return Source(doc, sentence, 100, 100 + len(sentence), date_text, when)


def seed_batch() -> Batch:
    articles = [
        Article(
            "000_a.txt", "Esper talks to Iraqi PM", "Wire One", "https://example.org/a", date(2019, 12, 16)
        ),
        Article("001_b.txt", "US strikes militia", "Daily Two", "https://example.org/b", date(2019, 12, 30)),
        Article("002_c.txt", "Iraq in turmoil", "Weekly Three", "", date(2019, 12, 2)),
    ]
    actors = [
        Actor(ESPER, "Mark Esper", "person", ["Esper", "the defense secretary"]),
        Actor(MAHDI, "Adil Abdul Mahdi", "person", ["Adel Abdul Mahdi", "Abdul Mahdi"]),
        Actor(KH, "Kata'ib Hizbollah", "group", ["Kataib Hezbollah", "KH"]),
        Actor(US, "United States", "gpe", ["US", "U.S."]),
        Actor(IRAN, "Iran", "gpe"),
        Actor(PROTESTERS, "Iraqi protesters", "group"),
    ]
    places = [
        Place("place:baghdad", "Baghdad", 33.31, 44.36, "IQ"),
        Place("place:kirkuk", "Kirkuk", 35.47, 44.39, "IQ"),
        Place("place:nowhere", "Nowhere", None, None, None),
    ]
    events = [
        Event(
            "evt_call",
            "phone_call",
            day(2019, 12, 15),
            [ESPER],
            [MAHDI],
            "place:baghdad",
            confidence=0.82,
            disputed=True,
            summary="Mark Esper phoned Adil Abdul Mahdi",
            sources=[
                src("000_a.txt", "Esper spoke with Abdul Mahdi on Sunday.", day(2019, 12, 15), "on Sunday"),
                src(
                    "001_b.txt",
                    "Esper had called the prime minister on Saturday.",
                    day(2019, 12, 14),
                    "on Saturday",
                ),
            ],
        ),
        Event(
            "evt_meet",
            "meeting",
            day(2019, 12, 20),
            [MAHDI],
            [KH],
            "place:baghdad",
            confidence=0.6,
            summary="Adil Abdul Mahdi met Kata'ib Hizbollah",
            sources=[src("002_c.txt", "Abdul Mahdi met the group's leaders.", day(2019, 12, 20))],
        ),
        Event(
            "evt_rocket",
            "rocket_attack",
            day(2019, 12, 27),
            [KH],
            [US],
            "place:kirkuk",
            confidence=0.9,
            summary="Kata'ib Hizbollah attacked United States forces",
            sources=[src("001_b.txt", "Rockets hit the K-1 base on Friday.", day(2019, 12, 27), "on Friday")],
        ),
        Event(
            "evt_strike",
            "airstrike",
            day(2019, 12, 29),
            [US],
            [KH],
            None,
            confidence=0.9,
            summary="United States struck Kata'ib Hizbollah",
            sources=[
                src("001_b.txt", "US jets struck five sites on Sunday.", day(2019, 12, 29), "on Sunday")
            ],
        ),
        Event(
            "evt_protest",
            "protest",
            DateInterval(date(2019, 11, 1), date(2019, 11, 30), "month"),
            [PROTESTERS],
            [],
            "place:baghdad",
            confidence=0.7,
            summary="Iraqi protesters protested",
            sources=[src("002_c.txt", "Protests went on through November.", None, "November")],
        ),
        Event(
            "evt_warn",
            "statement",
            DateInterval(date(2019, 10, 20), date(2019, 10, 31), "range"),
            [ESPER],
            [IRAN],
            None,
            attributes={"speech_act": "warning"},
            confidence=0.5,
            summary="Mark Esper warned Iran",
            sources=[src("000_a.txt", "Late in October Esper warned Iran.", None, "late October")],
        ),
        Event(
            "evt_resign",
            "resignation",
            day(2019, 11, 29),
            [MAHDI],
            [],
            "place:baghdad",
            confidence=0.95,
            summary="Adil Abdul Mahdi resigned",
            sources=[src("002_c.txt", "Abdul Mahdi resigned on Friday.", day(2019, 11, 29), "on Friday")],
        ),
        Event(
            "evt_old",
            "visit",
            day(2018, 11, 5),
            [ESPER],
            [MAHDI],
            "place:baghdad",
            confidence=0.5,
            summary="Mark Esper visited Adil Abdul Mahdi",
            sources=[src("002_c.txt", "A year earlier Esper had visited.", day(2018, 11, 5))],
        ),
        Event(
            "evt_undated",
            "statement",
            None,
            [IRAN],
            [US],
            None,
            confidence=0.3,
            summary="Iran criticised the United States",
            sources=[src("002_c.txt", "Iran has long criticised Washington.", None)],
        ),
    ]
    return Batch(articles, events, actors, places, [Affiliation(ESPER, US, "Secretary of Defense")])


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
