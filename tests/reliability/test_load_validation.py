"""`eventgraph load` validates every line before the store is touched (issues 16.1, 16.4, 16.6, 12.4).

A line that the API could not serve is named with its file, line and field, and left out; the
rest loads, the exit status says something was skipped, and the store is never left half-written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_run import invoke, reason_for
from fastapi.testclient import TestClient

from bench.gen_synthetic import generate
from eventgraph.api.app import create_app
from eventgraph.cli import SKIPPED_EXIT
from eventgraph.graph.export import dumps_rows
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.open import STORE_FILE
from eventgraph.graph.store import TimelineFilter

GOOD = generate(67, seed=4)
ROW: dict[str, Any] = json.loads(next(dumps_rows(generate(1, seed=9))))


def variant(event_id: str, **changes: Any) -> dict[str, Any]:
    """The sample row under a new id, with fields changed (dotted paths: ``location.lat``)."""
    row = json.loads(json.dumps(ROW))
    row["id"] = event_id
    for dotted, value in changes.items():
        node = row
        *parents, last = dotted.split(".")
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[last] = value
    return row


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def good_lines() -> list[str]:
    return list(dumps_rows(GOOD))


def load(data: Path, *args: object) -> Any:
    return invoke(["load", *args, "--store", "memory", "--data", data])


def test_a_line_with_bad_aliases_is_skipped_and_replace_keeps_the_store_whole(tmp_path: Path) -> None:
    """16.1: `"aliases": [1, null]` used to crash the load after --replace had emptied the store,
    and the emptied store was saved."""
    data = tmp_path / "data"
    first = write_lines(tmp_path / "first.jsonl", good_lines())
    assert load(data, first).exit_code == 0
    bad = variant("evt_bad_aliases")
    bad["agents"][0]["aliases"] = [1, None]
    again = write_lines(tmp_path / "again.jsonl", [*good_lines()[:30], json.dumps(bad), *good_lines()[30:]])
    result = load(data, again, "--replace")
    assert result.exit_code == SKIPPED_EXIT, result.output
    reason_for(result, "again.jsonl:31: skipped", "agents.0.aliases.0: Input should be a valid string")
    assert MemoryStore.open(data / STORE_FILE).counts().events == 67
    assert invoke(["stats", "--store", "memory", "--data", data]).exit_code == 0
    assert load(data, first, "--replace").exit_code == 0


def test_an_unexpected_error_midway_saves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    assert load(data, write_lines(tmp_path / "events.jsonl", good_lines())).exit_code == 0
    before = (data / STORE_FILE).read_bytes()
    other = generate(67, seed=5)
    for event in other.events:
        event.id = event.id.replace("evt_", "evt_other_")
    more = write_lines(tmp_path / "more.jsonl", list(dumps_rows(other)))
    merge = MemoryStore._merge_event

    def fail_midway(self: MemoryStore, event: Any) -> None:
        if event.id == other.events[40].id:
            raise AttributeError("'int' object has no attribute 'casefold'")
        merge(self, event)

    monkeypatch.setattr(MemoryStore, "_merge_event", fail_midway)
    for args in ([more, "--replace"], [more]):
        result = load(data, *args)
        assert result.exit_code == 1
        assert "unexpected error (AttributeError" in result.stderr.splitlines()[-1]
        assert (data / STORE_FILE).read_bytes() == before


UNSERVABLE = {
    "lat is text": (
        variant("evt_lat", **{"location.lat": "abc"}),
        "location.lat: Input should be a valid number",
    ),
    "title is a number": (
        variant("evt_title", **{"sources.0.article.title": 12345}),
        "sources.0.article.title: Input should be a valid string",
    ),
    "date past the calendar": (
        variant("evt_forever", date={"start": "0001-01-01", "end": "9999-12-31", "precision": "range"}),
        "date.end: date 9999-12-31 is after 9998-12-31, the last day eventgraph serves",
    ),
    "id with a space": (variant("evt with space"), "id: String should match pattern"),
    "id with a slash": (variant("evt/slash"), "id: String should match pattern"),
    "actor id no URL fetches": (
        variant("evt_actor", **{"agents.0.id": "person:Jane Roe/2"}),
        "agents.0.id: String should match pattern",
    ),
    "latitude out of range": (
        variant("evt_lat_range", **{"location.lat": 91.5}),
        "location.lat: Input should be",
    ),
    "confidence not a number": (
        variant("evt_conf", confidence="high"),
        "confidence: Input should be a valid",
    ),
    "interval ends first": (
        variant("evt_backwards", date={"start": "2020-02-02", "end": "2020-02-01"}),
        "date: date ends before it starts",
    ),
}


def test_values_the_api_cannot_serve_are_refused_per_line_and_the_api_serves_the_rest(tmp_path: Path) -> None:
    """16.4: each of these used to load, and then /timeline, /places, /timeline/vis or /events/{id}
    answered 500 (or the event could never be fetched) until the store was rebuilt."""
    data = tmp_path / "data"
    lines = [*good_lines()[:5], *(json.dumps(row) for row, _ in UNSERVABLE.values())]
    events = write_lines(tmp_path / "events.jsonl", lines)
    result = load(data, events)
    assert result.exit_code == SKIPPED_EXIT, result.output
    for n, (_, reason) in enumerate(UNSERVABLE.values(), 6):
        reason_for(result, f"events.jsonl:{n}: skipped: ", reason)
    store = MemoryStore.open(data / STORE_FILE)
    assert store.counts().events == 5
    client = TestClient(create_app(store))
    for url in ("/timeline?limit=500", "/places", "/timeline/vis", "/timeline/timelinejs", "/health"):
        assert client.get(url).status_code == 200, url
    for row in store.timeline(TimelineFilter()).rows:
        assert client.get(f"/events/{row.event.id}").status_code == 200


def test_the_calendar_the_api_serves_loads(tmp_path: Path) -> None:
    data = tmp_path / "data"
    edge = variant("evt_edges", date={"start": "0001-01-01", "end": "9998-12-31", "precision": "range"})
    result = load(data, write_lines(tmp_path / "edges.jsonl", [json.dumps(edge)]))
    assert result.exit_code == 0, result.output
    client = TestClient(create_app(MemoryStore.open(data / STORE_FILE)))
    for url in ("/timeline", "/timeline/vis", "/timeline/timelinejs", "/events/evt_edges"):
        assert client.get(url).status_code == 200, url


def test_deeply_nested_json_is_a_bad_line_not_a_crash(tmp_path: Path) -> None:
    """16.6: 50,000 nested brackets gave RecursionError and exit 1."""
    data = tmp_path / "data"
    deep = (
        json.dumps(variant("evt_deep", attributes={"x": None}))[:-1]
        + ', "deep": '
        + "[" * 50_000
        + "]" * 50_000
        + "}"
    )
    events = write_lines(tmp_path / "deep.jsonl", [good_lines()[0], deep, *good_lines()[1:]])
    result = load(data, events)
    assert result.exit_code == SKIPPED_EXIT, result.output
    reason_for(result, "deep.jsonl:2: skipped: ", "not valid JSON (recursion limit exceeded")
    assert MemoryStore.open(data / STORE_FILE).counts().events == 67


def test_one_bad_line_is_named_the_rest_loads_and_the_exit_status_says_so(tmp_path: Path) -> None:
    """12.4: exit status 3 = loaded, but something was skipped; 0 only when every line loaded."""
    data = tmp_path / "data"
    events = write_lines(tmp_path / "one.jsonl", [*good_lines()[:10], '{"id": "evt_x"', *good_lines()[10:]])
    result = load(data, events)
    assert result.exit_code == SKIPPED_EXIT
    reason_for(result, "one.jsonl:11: skipped: ", "not valid JSON")
    assert "1 input(s) skipped (named above); the rest is loaded" in result.stderr
    assert MemoryStore.open(data / STORE_FILE).counts().events == 67
    clean = write_lines(tmp_path / "clean.jsonl", good_lines())
    assert load(data, clean).exit_code == 0


@pytest.mark.neo4j
def test_neo4j_load_validates_before_it_writes(tmp_path: Path) -> None:
    """16.1 on Neo4j: the bad line is refused before --replace wipes the graph; the rest loads."""
    bad = variant("evt_bad_aliases")
    bad["agents"][0]["aliases"] = [1, None]
    events = write_lines(tmp_path / "events.jsonl", [*good_lines()[:30], json.dumps(bad), *good_lines()[30:]])
    result = invoke(["load", events, "--replace", "--store", "neo4j"])
    assert result.exit_code == SKIPPED_EXIT, result.output
    reason_for(result, "events.jsonl:31: skipped", "agents.0.aliases.0")
    from eventgraph.graph.open import open_store

    store = open_store("neo4j")
    try:
        assert store.counts().events == 67
        assert store.event("evt_bad_aliases") is None
    finally:
        store.close()
