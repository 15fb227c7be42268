"""One contract, both stores: every query gives the worked-out answer on each backend."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from eventgraph.graph.model import Actor, Affiliation, Article, Batch, DateInterval, Event
from eventgraph.graph.store import ActorPath, GraphStore, TimelineFilter
from eventgraph.graph.window import BadCursor
from tests.factories import ESPER, IRAQ, KH, LONER, MAHDI, US, day, small_batch, src


def ids(store: GraphStore, flt: TimelineFilter, limit: int = 100) -> list[str]:
    return [row.event.id for row in store.timeline(flt, limit=limit).rows]


W = (date(2019, 10, 28), date(2019, 12, 16))


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (TimelineFilter(), ["e8", "e6", "e3", "e2", "e7", "e1", "e4"]),
        (TimelineFilter(*W), ["e6", "e3", "e2"]),
        (TimelineFilter(date(2019, 10, 30), W[1]), ["e6", "e3", "e2"]),
        (TimelineFilter(date(2019, 10, 30), W[1], match="within"), ["e3", "e2"]),
        (TimelineFilter(date(2019, 11, 25), date(2019, 11, 25)), ["e3"]),
        (TimelineFilter(date(2019, 11, 25), date(2019, 11, 25), match="within"), []),
        (TimelineFilter(*W, types=["phone_call"]), ["e2"]),
        (TimelineFilter(*W, types=["phone_call", "meeting"]), ["e6", "e2"]),
        (TimelineFilter(*W, actor=ESPER), ["e6", "e2"]),
        (TimelineFilter(actor=KH), ["e8", "e1", "e4"]),
        (TimelineFilter(place="place:baghdad"), ["e8", "e7", "e4"]),
        (TimelineFilter(disputed=True), ["e2"]),
        (TimelineFilter(disputed=False, end=date(2019, 11, 1)), ["e8", "e6"]),
        (TimelineFilter(start=date(2019, 12, 28)), ["e4"]),
        (TimelineFilter(actor="person:nobody"), []),
    ],
)
def test_timeline_window_and_filters(store: GraphStore, flt: TimelineFilter, expected: list[str]) -> None:
    assert ids(store, flt) == expected
    assert store.count(flt) == len(expected)


def test_timeline_row_has_participants_place_and_sources(store: GraphStore) -> None:
    (row,) = store.timeline(TimelineFilter(types=["phone_call"])).rows
    assert [a.name for a in row.agents] == ["Mark Esper"]
    assert [a.id for a in row.targets] == [MAHDI]
    assert row.place is None and row.source_count == 2
    assert row.event.disputed and row.event.summary == "Esper phoned Mahdi" and row.event.confidence == 0.8
    assert row.event.date == day(12, 15)
    (attack,) = store.timeline(TimelineFilter(types=["rocket_attack"])).rows
    assert attack.place is not None and (attack.place.name, attack.place.lat) == ("K1 Air Base", 35.51)
    assert attack.event.attributes == {"count": 30}


@pytest.mark.parametrize("page_size", [1, 2, 3, 7, 8])
def test_cursor_paging_walks_the_whole_timeline(store: GraphStore, page_size: int) -> None:
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        page = store.timeline(TimelineFilter(), limit=page_size, cursor=cursor)
        seen += [row.event.id for row in page.rows]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == ["e8", "e6", "e3", "e2", "e7", "e1", "e4"]


def test_bad_cursor_is_refused(store: GraphStore) -> None:
    with pytest.raises(BadCursor):
        store.timeline(TimelineFilter(), cursor="not-a-cursor")


def test_event_detail_lists_every_source_with_its_own_date(store: GraphStore) -> None:
    detail = store.event("e2")
    assert detail is not None
    assert [(s.article.id, s.source.date_text, s.source.date) for s in detail.sources] == [
        ("a1.txt", "on Sunday", day(12, 15)),
        ("a2.txt", "on Monday", day(12, 16)),
    ]
    assert detail.sources[0].article.published == date(2019, 12, 16)
    assert detail.sources[0].source.char_start == 10
    assert store.event("missing") is None
    undated = store.event("e5")
    assert undated is not None and undated.row.event.date is None and undated.sources[0].source.date is None


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Mark Esper", ESPER),
        ("esper", ESPER),
        ("Adel Abdul Mahdi", MAHDI),
        ("Abdul Mahdee", MAHDI),
        ("kataib hizbollah", KH),
        ("KH", KH),
        ("Washington", US),
        ("united", US),
    ],
)
def test_actor_search_is_alias_aware_and_fuzzy(store: GraphStore, query: str, first: str) -> None:
    assert store.actors(query)[0].id == first


def test_actor_search_misses_and_empty(store: GraphStore) -> None:
    assert store.actors("zzzz qqqq") == []
    assert [a.name for a in store.actors("", limit=3)] == ["Adil Abdul Mahdi", "Iraq", "Kata'ib Hizbollah"]


def test_actor_detail_has_affiliations_and_interactions(store: GraphStore) -> None:
    detail = store.actor(ESPER)
    assert detail is not None
    assert detail.actor.aliases == ["Esper", "US Defense Secretary Mark Esper"]
    assert [(a.actor, a.org, a.role) for a in detail.affiliations] == [(ESPER, US, "Secretary of Defense")]
    assert list(detail.related) == [US]
    assert detail.event_count == 3
    assert [(i.actor.id, i.count, i.first, i.last, i.types) for i in detail.interactions] == [
        (MAHDI, 1, date(2019, 12, 15), date(2019, 12, 15), ["phone_call"]),
        (IRAQ, 1, date(2019, 10, 28), date(2019, 11, 3), ["meeting"]),
        (KH, 1, None, None, ["statement"]),
    ]
    us = store.actor(US)
    assert us is not None and [a.actor for a in us.affiliations] == [ESPER]
    assert [(i.actor.id, i.count, i.types) for i in us.interactions] == [
        (KH, 2, ["airstrike", "rocket_attack"]),
        (MAHDI, 1, ["meeting"]),
    ]
    loner = store.actor(LONER)
    assert loner is not None and loner.event_count == 0 and loner.interactions == []
    assert store.actor("person:nobody") is None


WIDE = DateInterval(date(2019, 9, 1), date(2019, 12, 31), "range")
DEC = DateInterval(date(2019, 12, 1), date(2019, 12, 28), "range")


SECDEF, PM = "aff:Secretary of Defense", "aff:Prime Minister"  # affiliation hops, by role


def links(path: ActorPath) -> list[str]:
    return [hop.event.event.id if hop.event else f"aff:{hop.role}" for hop in path.hops]


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, [["e5"], [SECDEF, "e1"], [SECDEF, "e4"], ["e6", "e8"], ["e2", PM, "e8"]]),
        ({"limit": 2}, [["e5"], [SECDEF, "e1"]]),
        ({"max_hops": 2}, [["e5"], [SECDEF, "e1"], [SECDEF, "e4"], ["e6", "e8"]]),
        (
            {"window": WIDE},
            [[SECDEF, "e1"], [SECDEF, "e4"], ["e6", "e8"], ["e2", PM, "e8"], ["e2", "e7", "e1"]],
        ),
        # an affiliation hop has no date: it neither breaks the order nor falls outside a window
        (
            {"ordered": True, "window": WIDE},
            [[SECDEF, "e1"], [SECDEF, "e4"], ["e2", "e7", "e1"], ["e2", "e7", "e4"], ["e6", PM, "e7", "e1"]],
        ),
        ({"ordered": True, "window": DEC}, [[SECDEF, "e1"], ["e2", "e7", "e1"]]),
        ({"ordered": True, "max_hops": 2}, [[SECDEF, "e1"], [SECDEF, "e4"]]),
        ({"ordered": True, "max_hops": 1}, []),
    ],
)
def test_paths_shortest_first_and_time_ordered(
    store: GraphStore, kwargs: dict[str, object], expected: list[list[str]]
) -> None:
    paths = store.path(ESPER, KH, **kwargs)  # type: ignore[arg-type]
    assert [links(p) for p in paths] == expected
    for p in paths:
        assert p.actors[0].id == ESPER and p.actors[-1].id == KH
        assert [h.source for h in p.hops] == [a.id for a in p.actors[:-1]]
        assert [h.target for h in p.hops] == [a.id for a in p.actors[1:]]


def test_path_hops_name_actors_and_unknowns_give_nothing(store: GraphStore) -> None:
    held, chain = store.path(ESPER, KH, ordered=True, window=DEC)
    names = [a.name for a in chain.actors]
    assert names == ["Mark Esper", "Adil Abdul Mahdi", "United States", "Kata'ib Hizbollah"]
    assert chain.hops[1].event is not None and chain.hops[1].event.source_count == 1
    assert [h.kind for h in chain.hops] == ["event"] * 3 and chain.hops[0].role is None
    assert [a.name for a in held.actors] == ["Mark Esper", "United States", "Kata'ib Hizbollah"]
    hop = held.hops[0]
    assert (hop.kind, hop.event, hop.role, hop.holder) == ("affiliation", None, "Secretary of Defense", ESPER)
    assert store.path(ESPER, "person:nobody") == []
    assert store.path(ESPER, LONER) == []
    assert store.path(ESPER, ESPER) == []


ANA, FACTIONS, RED_HAND, COUNCIL = "person:ana-diaz", "group:rebel-factions", "group:red-hand", "org:council"
JAN = DateInterval(date(2020, 1, 4), date(2020, 1, 31), "range")


def member_batch() -> Batch:
    """Two groups of events joined only by "Red Hand is a member of the rebel factions"."""

    def jan(dom: int) -> DateInterval:
        return DateInterval(date(2020, 1, dom), date(2020, 1, dom))

    return Batch(
        articles=[Article("m.txt", "Rebels", "Wire", "", date(2020, 2, 1))],
        actors=[
            Actor(ANA, "Ana Diaz", "person"),
            Actor(FACTIONS, "Rebel factions", "group"),
            Actor(RED_HAND, "Red Hand", "group"),
            Actor(COUNCIL, "Town council", "org"),
        ],
        places=[],
        affiliations=[Affiliation(RED_HAND, FACTIONS, "member")],
        events=[
            Event(
                "x1", "statement", jan(5), [ANA], [FACTIONS], sources=[src("m.txt", "Ana warned.", jan(5))]
            ),
            Event(
                "x2", "other_attack", jan(3), [RED_HAND], [COUNCIL], sources=[src("m.txt", "A hit.", jan(3))]
            ),
            Event(
                "x3", "other_attack", jan(10), [RED_HAND], [COUNCIL], sources=[src("m.txt", "B.", jan(10))]
            ),
        ],
    )


@pytest.mark.parametrize(
    ("source", "target", "kwargs", "expected"),
    [
        (ANA, COUNCIL, {}, [["x1", "aff:member", "x2"], ["x1", "aff:member", "x3"]]),
        (ANA, COUNCIL, {"ordered": True}, [["x1", "aff:member", "x3"]]),
        (ANA, COUNCIL, {"window": JAN}, [["x1", "aff:member", "x3"]]),
        (ANA, COUNCIL, {"max_hops": 2}, []),
        (ANA, RED_HAND, {"ordered": True, "window": JAN}, [["x1", "aff:member"]]),
        (RED_HAND, FACTIONS, {}, [["aff:member"]]),
        (FACTIONS, RED_HAND, {"ordered": True}, [["aff:member"]]),
    ],
)
def test_paths_through_an_affiliation_only(
    empty_store: GraphStore, source: str, target: str, kwargs: dict[str, object], expected: list[list[str]]
) -> None:
    empty_store.upsert(member_batch())
    paths = empty_store.path(source, target, **kwargs)  # type: ignore[arg-type]
    assert [links(p) for p in paths] == expected
    for p in paths:
        for hop in p.hops:
            if hop.kind == "affiliation":
                assert (hop.event, hop.role, hop.holder) == (None, "member", RED_HAND)
                assert {hop.source, hop.target} == {RED_HAND, FACTIONS}


def test_places_counts_span_ping(store: GraphStore) -> None:
    assert [(p.place.id, p.event_count) for p in store.places()] == [
        ("place:baghdad", 3),
        ("place:k1-air-base", 1),
        ("place:nowhere", 0),
    ]
    counts = store.counts()
    assert (counts.articles, counts.events, counts.actors, counts.places, counts.disputed) == (2, 8, 6, 3, 1)
    assert sum(counts.by_type.values()) == counts.events
    assert list(counts.by_type) == sorted(counts.by_type)
    assert store.date_span() == DateInterval(date(2019, 10, 1), date(2019, 12, 29), "range")
    assert store.ping()


def test_empty_store_answers_empty(empty_store: GraphStore) -> None:
    assert empty_store.timeline(TimelineFilter()).rows == []
    assert empty_store.date_span() is None
    assert empty_store.counts().events == 0
    assert empty_store.counts().by_type == {}
    assert empty_store.places() == []


def test_loading_twice_changes_nothing(store: GraphStore) -> None:
    before = (store.counts(), store.timeline(TimelineFilter()), store.actor(ESPER), store.places())
    store.upsert(small_batch())
    assert (store.counts(), store.timeline(TimelineFilter()), store.actor(ESPER), store.places()) == before


def test_incremental_load_merges_into_known_actors_and_events(store: GraphStore) -> None:
    known = small_batch()
    call = next(e for e in known.events if e.id == "e2")
    call.sources = [call.sources[0]]
    call.sources[0].doc = "a3.txt"
    esper = next(a for a in known.actors if a.id == ESPER)
    esper.aliases = ["Secretary Esper", "Esper"]
    store.upsert(Batch(articles=[], events=[call], actors=[esper], places=[]))
    counts = store.counts()
    assert (counts.events, counts.actors, counts.articles) == (8, 6, 3)
    detail = store.event("e2")
    assert detail is not None and [s.article.id for s in detail.sources] == ["a1.txt", "a2.txt", "a3.txt"]
    assert detail.row.source_count == 3
    actor = store.actor(ESPER)
    assert actor is not None
    assert actor.actor.aliases == ["Esper", "US Defense Secretary Mark Esper", "Secretary Esper"]
    assert store.actors("secretary esper")[0].id == ESPER


def test_progress_reports_every_event(empty_store: GraphStore) -> None:
    calls: list[tuple[int, int]] = []
    empty_store.upsert(small_batch(), progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1] == (8, 8)


def test_counts_tell_dated_events_as_the_store_holds_them(store: GraphStore) -> None:
    """`eventgraph stats` reads the dated count from here, not from a capped timeline page."""
    assert store.counts().dated == 7  # e5 has no date
    batch = small_batch()
    statement = next(e for e in batch.events if e.id == "e5")
    statement.date = day(12, 31)
    rocket = next(e for e in batch.events if e.id == "e1")
    rocket.date = None
    store.upsert(Batch(events=[statement, rocket]))
    counts = store.counts()
    assert (counts.events, counts.dated) == (8, 7)
    assert store.count(TimelineFilter()) == counts.dated
    store.upsert(Batch(events=[dataclasses.replace(rocket, date=day(12, 27))]))
    assert store.counts().dated == 8


def test_empty_store_counts_no_dated_event(empty_store: GraphStore) -> None:
    assert empty_store.counts().dated == 0
