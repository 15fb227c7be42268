"""One contract, both stores: places and histograms of a timeline window, and the store generation."""

from __future__ import annotations

from datetime import date

import pytest

from eventgraph.graph.store import Bucket, GraphStore, TimelineFilter
from eventgraph.graph.window import bucket_start
from tests.factories import KH, small_batch

W = (date(2019, 10, 30), date(2019, 12, 16))
Bins = list[tuple[str, str, int]]


def bins(store: GraphStore, flt: TimelineFilter, bucket: Bucket) -> Bins:
    return [(b.start.isoformat(), b.type, b.count) for b in store.histogram(flt, bucket)]


@pytest.mark.parametrize(
    ("flt", "bucket", "expected"),
    [
        (
            TimelineFilter(),
            "month",
            [
                ("2019-10-01", "meeting", 1),
                ("2019-10-01", "protest", 1),
                ("2019-11-01", "resignation", 1),
                ("2019-12-01", "airstrike", 1),
                ("2019-12-01", "meeting", 1),
                ("2019-12-01", "phone_call", 1),
                ("2019-12-01", "rocket_attack", 1),
            ],
        ),
        # e6 (Oct 28 - Nov 3) began before the window: it counts on the window's first day
        (
            TimelineFilter(*W),
            "day",
            [("2019-10-30", "meeting", 1), ("2019-11-20", "resignation", 1), ("2019-12-15", "phone_call", 1)],
        ),
        # ISO weeks start on Monday: Sunday Dec 15 is in the week of Dec 9
        (
            TimelineFilter(*W),
            "week",
            [("2019-10-28", "meeting", 1), ("2019-11-18", "resignation", 1), ("2019-12-09", "phone_call", 1)],
        ),
        (
            TimelineFilter(*W, match="within"),
            "day",
            [("2019-11-20", "resignation", 1), ("2019-12-15", "phone_call", 1)],
        ),
        (
            TimelineFilter(actor=KH),
            "week",
            [
                ("2019-09-30", "protest", 1),
                ("2019-12-23", "rocket_attack", 1),
                ("2019-12-23", "airstrike", 1),
            ],
        ),
        (TimelineFilter(types=["meeting"], place="place:baghdad"), "day", [("2019-12-20", "meeting", 1)]),
        (TimelineFilter(disputed=True), "month", [("2019-12-01", "phone_call", 1)]),
        (TimelineFilter(start=date(2020, 1, 1)), "day", []),
    ],
)
def test_histogram_counts_each_matching_event_once(
    store: GraphStore, flt: TimelineFilter, bucket: Bucket, expected: Bins
) -> None:
    got = bins(store, flt, bucket)
    assert sorted(got) == sorted(expected)
    assert got == sorted(got, key=lambda b: (b[0], b[1]))  # in (bucket, type) order
    assert sum(n for _, _, n in got) == store.count(flt)  # the same events /timeline lists


def test_histogram_of_an_empty_store_is_empty(empty_store: GraphStore) -> None:
    assert empty_store.histogram(TimelineFilter(), "day") == []


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (TimelineFilter(), [("Baghdad", 3), ("K1 Air Base", 1)]),
        (TimelineFilter(*W), []),  # the window's events have no place
        (TimelineFilter(types=["meeting"]), [("Baghdad", 1)]),
        (TimelineFilter(disputed=False, end=date(2019, 11, 1)), [("Baghdad", 1)]),
        (TimelineFilter(actor=KH), [("Baghdad", 2), ("K1 Air Base", 1)]),
        (TimelineFilter(start=date(2019, 12, 21)), [("Baghdad", 1), ("K1 Air Base", 1)]),
    ],
)
def test_places_matching_a_window(
    store: GraphStore, flt: TimelineFilter, expected: list[tuple[str, int]]
) -> None:
    got = store.places_matching(flt)
    assert [(s.place.name, s.event_count) for s in got] == expected
    if got:
        assert got[0].place.lat is not None and got[0].place.country == "IQ"


def test_generation_changes_with_the_graph_only(empty_store: GraphStore) -> None:
    first = empty_store.generation()
    assert empty_store.generation() == first  # reading changes nothing
    empty_store.upsert(small_batch())
    loaded = empty_store.generation()
    assert loaded != first
    assert empty_store.generation() == loaded
    empty_store.upsert(small_batch())  # the same batch again: still a write, a new generation
    again = empty_store.generation()
    assert again != loaded
    empty_store.clear()
    assert empty_store.generation() not in {loaded, again}


def test_bucket_start_of_each_kind() -> None:
    sunday = date(2019, 12, 15)
    assert bucket_start(sunday, "day") == sunday
    assert bucket_start(sunday, "week") == date(2019, 12, 9)
    assert bucket_start(sunday, "month") == date(2019, 12, 1)
    assert bucket_start(sunday, "day", date(2019, 12, 20)) == date(2019, 12, 20)
    assert bucket_start(date(1, 1, 3), "week") == date(1, 1, 1)  # the calendar's first Monday
