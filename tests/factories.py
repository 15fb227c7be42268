"""Hand-built batches and ids shared by the store and API tests (the one home of test data builders)."""

from __future__ import annotations

import os
from datetime import date

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
    """A hand-built graph whose answers are worked out in the store tests (dates in 2019)."""
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


IRAN = "gpe:iran"
PROTESTERS = "group:iraqi-protesters"


def on(y: int, m: int, d: int) -> DateInterval:
    """One day of any year."""
    return DateInterval(date(y, m, d), date(y, m, d), "day")


def seed_batch() -> Batch:
    """The seed articles' story (Oct-Dec 2019) with every precision, a disputed event, an undated one
    and the same window in another year, so each API route branch has something to show."""
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
            on(2019, 12, 15),
            [ESPER],
            [MAHDI],
            "place:baghdad",
            confidence=0.82,
            disputed=True,
            summary="Mark Esper phoned Adil Abdul Mahdi",
            sources=[
                src("000_a.txt", "Esper spoke with Abdul Mahdi on Sunday.", on(2019, 12, 15), "on Sunday"),
                src(
                    "001_b.txt",
                    "Esper had called the prime minister on Saturday.",
                    on(2019, 12, 14),
                    "on Saturday",
                ),
            ],
        ),
        Event(
            "evt_meet",
            "meeting",
            on(2019, 12, 20),
            [MAHDI],
            [KH],
            "place:baghdad",
            confidence=0.6,
            summary="Adil Abdul Mahdi met Kata'ib Hizbollah",
            sources=[src("002_c.txt", "Abdul Mahdi met the group's leaders.", on(2019, 12, 20))],
        ),
        Event(
            "evt_rocket",
            "rocket_attack",
            on(2019, 12, 27),
            [KH],
            [US],
            "place:kirkuk",
            confidence=0.9,
            summary="Kata'ib Hizbollah attacked United States forces",
            sources=[src("001_b.txt", "Rockets hit the K-1 base on Friday.", on(2019, 12, 27), "on Friday")],
        ),
        Event(
            "evt_strike",
            "airstrike",
            on(2019, 12, 29),
            [US],
            [KH],
            None,
            confidence=0.9,
            summary="United States struck Kata'ib Hizbollah",
            sources=[src("001_b.txt", "US jets struck five sites on Sunday.", on(2019, 12, 29), "on Sunday")],
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
            on(2019, 11, 29),
            [MAHDI],
            [],
            "place:baghdad",
            confidence=0.95,
            summary="Adil Abdul Mahdi resigned",
            sources=[src("002_c.txt", "Abdul Mahdi resigned on Friday.", on(2019, 11, 29), "on Friday")],
        ),
        Event(
            "evt_old",
            "visit",
            on(2018, 11, 5),
            [ESPER],
            [MAHDI],
            "place:baghdad",
            confidence=0.5,
            summary="Mark Esper visited Adil Abdul Mahdi",
            sources=[src("002_c.txt", "A year earlier Esper had visited.", on(2018, 11, 5))],
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
