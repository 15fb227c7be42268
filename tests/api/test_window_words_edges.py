"""`/timeline?q=` at the edges of the calendar: the window read is the one written, or a 400 that says why."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from eventgraph.api.app import create_app
from eventgraph.graph.memory import MemoryStore
from eventgraph.settings import Settings
from tests.factories import seed_batch


def get(client: TestClient, status: int, q: str) -> Any:
    response = client.get("/timeline", params={"q": q})
    assert response.status_code == status, response.text
    return response.json()


def test_a_written_year_is_kept(client: TestClient) -> None:
    window = get(client, 200, "December 2100")["window"]
    assert (window["start"], window["end"], window["year_given"]) == ("2100-12-01", "2100-12-31", True)


def test_a_year_at_the_end_of_a_range_is_the_start_year_too(client: TestClient) -> None:
    window = get(client, 200, "between Oct 28 and Dec 16 1850")["window"]
    assert (window["start"], window["end"], window["year_given"]) == ("1850-10-28", "1850-12-16", True)
    window = get(client, 200, "between Oct 28 and Dec 16 2019")["window"]
    assert (window["start"], window["end"]) == ("2019-10-28", "2019-12-16")


def test_february_29_only_in_leap_years(client: TestClient) -> None:
    window = get(client, 200, "Feb 29")["window"]
    start = date.fromisoformat(window["start"])
    assert (start.month, start.day) == (2, 29) and window["start"] == window["end"]
    assert window["resolved_year"] == start.year


@pytest.mark.parametrize(
    ("q", "says"),
    [
        ("between Oct 28 2019 and Oct 27 2019", "ends (2019-10-27) before it starts (2019-10-28)"),
        ("December 21000", "cannot read '21000'"),
        ("Feb 29 2019", "cannot read '29 2019'"),
    ],
)
def test_unreadable_or_reversed_windows_are_400(client: TestClient, q: str, says: str) -> None:
    err = get(client, 400, q)
    assert repr(q) in err["detail"] and says in err["detail"]


@pytest.fixture(scope="module")
def memory_client() -> Any:
    store = MemoryStore()
    store.upsert(seed_batch())
    with TestClient(create_app(store, Settings(max_limit=50, query_timeout=20))) as c:
        yield c


MONTHS = ["Jan", "Feb", "Mar", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "December"]
point = st.one_of(
    st.builds(lambda m, d: f"{m} {d}", st.sampled_from(MONTHS), st.integers(1, 31)),
    st.builds(
        lambda m, d, y: f"{m} {d} {y}", st.sampled_from(MONTHS), st.integers(1, 31), st.integers(1000, 9999)
    ),
    st.builds(lambda m, y: f"{m} {y}", st.sampled_from(MONTHS), st.integers(1000, 9999)),
    st.dates().map(date.isoformat),
)
phrase = st.one_of(point, st.builds(lambda a, b: f"between {a} and {b}", point, point))


@settings(max_examples=150, deadline=None)
@given(q=phrase)
def test_windows_in_words_run_forwards_or_are_400(memory_client: TestClient, q: str) -> None:
    response = memory_client.get("/timeline", params={"q": q})
    assert response.status_code in (200, 400), response.text
    if response.status_code == 400:
        assert repr(q) in response.json()["detail"]
        return
    window = response.json()["window"]
    assert window["start"] <= window["end"]
