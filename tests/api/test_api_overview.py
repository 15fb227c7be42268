"""/timeline/histogram and /places with the timeline's window and filters, on both stores."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import KH


def get(client: TestClient, url: str, status: int = 200, /, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    return response.json()


def timeline_ids(client: TestClient, **params: Any) -> list[str]:
    return [e["id"] for e in get(client, "/timeline", **params)["events"]]


def test_histogram_by_month_counts_every_dated_event_once(client: TestClient) -> None:
    body = get(client, "/timeline/histogram", bucket="month")
    got = [(b["start"], b["end"], b["total"], b["by_type"]) for b in body["buckets"]]
    assert got == [
        ("2018-11-01", "2018-11-30", 1, {"visit": 1}),
        ("2019-10-01", "2019-10-31", 1, {"statement": 1}),
        ("2019-11-01", "2019-11-30", 2, {"protest": 1, "resignation": 1}),
        ("2019-12-01", "2019-12-31", 4, {"airstrike": 1, "meeting": 1, "phone_call": 1, "rocket_attack": 1}),
    ]
    assert body["total"] == 8 == len(timeline_ids(client))  # the undated statement is on no timeline
    # most frequent first, ties by name (one event each here)
    assert body["types"] == sorted(
        [
            "visit",
            "statement",
            "protest",
            "resignation",
            "airstrike",
            "meeting",
            "phone_call",
            "rocket_attack",
        ]
    )
    assert body["bucket"] == "month" and body["window"]["start"] is None


def test_histogram_by_week_in_a_window_clamps_earlier_starts(client: TestClient) -> None:
    body = get(client, "/timeline/histogram", bucket="week", start="2019-10-28", end="2019-12-16")
    got = [(b["start"], b["end"], b["by_type"]) for b in body["buckets"]]
    # the warning (Oct 20-31) began before the window: it counts in the window's first week
    assert got == [
        ("2019-10-28", "2019-11-03", {"protest": 1, "statement": 1}),
        ("2019-11-25", "2019-12-01", {"resignation": 1}),
        ("2019-12-09", "2019-12-15", {"phone_call": 1}),
    ]
    assert body["total"] == len(timeline_ids(client, start="2019-10-28", end="2019-12-16")) == 4


@pytest.mark.parametrize(
    "params",
    [
        {"actor": "Kataib Hezbollah"},
        {"type": ["meeting", "phone_call"]},
        {"disputed": "true"},
        {"place": "Baghdad", "match": "within", "start": "2019-11-01", "end": "2019-11-30"},
        {"q": "between Oct 28 and Dec 16"},
    ],
)
def test_histogram_takes_the_timelines_filters(client: TestClient, params: dict[str, Any]) -> None:
    body = get(client, "/timeline/histogram", **params)
    timeline = get(client, "/timeline", **params)
    assert body["total"] == len(timeline["events"]) > 0
    assert body["window"] == timeline["window"] and body["filters"] == timeline["filters"]
    by_day: dict[str, int] = {}
    for ev in timeline["events"]:
        first = max(ev["date"]["start"], timeline["window"]["start"] or "")
        by_day[first] = by_day.get(first, 0) + 1
    assert {b["start"]: b["total"] for b in body["buckets"]} == by_day


def test_histogram_errors_name_the_parameter(client: TestClient) -> None:
    err = get(client, "/timeline/histogram", 422, bucket="fortnight")
    assert err["parameter"] == "bucket" and "'bucket'" in err["detail"]
    err = get(client, "/timeline/histogram", 400, start="2019-12-16", end="2019-10-28")
    assert err["parameter"] == "end" and "before it starts" in err["detail"]
    err = get(client, "/timeline/histogram", 404, actor="Zorblax")
    assert err["parameter"] == "actor" and "'Zorblax'" in err["detail"]


def test_places_without_filters_lists_every_place(client: TestClient) -> None:
    body = get(client, "/places")
    assert [(p["name"], p["event_count"]) for p in body["places"]] == [
        ("Baghdad", 5),
        ("Kirkuk", 1),
        ("Nowhere", 0),
    ]
    assert body["window"] is None and body["filters"] is None


def test_places_in_a_window_count_what_the_timeline_lists(client: TestClient) -> None:
    body = get(client, "/places", start="2019-12-01", end="2019-12-31")
    assert [(p["name"], p["event_count"]) for p in body["places"]] == [("Baghdad", 2), ("Kirkuk", 1)]
    assert body["window"]["start"] == "2019-12-01"
    visits = get(client, "/places", type="visit")
    assert [(p["name"], p["event_count"]) for p in visits["places"]] == [("Baghdad", 1)]
    assert visits["filters"]["types"] == ["visit"]
    kh = get(client, "/places", actor=KH, format="geojson")
    assert kh["type"] == "FeatureCollection"
    assert [(f["properties"]["name"], f["properties"]["event_count"]) for f in kh["features"]] == [
        ("Baghdad", 1),
        ("Kirkuk", 1),
    ]
    assert get(client, "/places", disputed="true", start="2020-01-01")["places"] == []
    err = get(client, "/places", 400, q="when pigs fly")
    assert err["parameter"] == "q" and "'when pigs fly'" in err["detail"]
