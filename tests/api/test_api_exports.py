"""GET /export.*: the timeline's selection as files, streamed, with /timeline's parameters and errors."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import httpx
import networkx as nx
import pandas as pd
import pytest
import uvicorn
from fastapi.testclient import TestClient

from eventgraph.api.app import create_app
from eventgraph.api.server import server_config
from eventgraph.graph.errors import StoreUnavailable
from eventgraph.graph.exports import selection
from eventgraph.graph.store import GraphStore, TimelineFilter, TimelinePage
from eventgraph.settings import Settings
from tests.factories import ESPER, KH
from tests.servers import running

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "jsonl": "application/x-ndjson; charset=utf-8",
}


def timeline_ids(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/timeline", params={**params, "limit": 50})
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


def export_ids(client: TestClient, fmt: str, **params: Any) -> list[str]:
    response = client.get(f"/export.{fmt}", params=params)
    assert response.status_code == 200, response.text
    body = response.text
    if fmt == "csv":
        return list(pd.read_csv(io.StringIO(body)).event_id)
    if fmt == "geojson":
        return [f["id"] for f in json.loads(body)["features"]]
    if fmt == "jsonl":
        return [json.loads(line)["id"] for line in body.splitlines()]
    graph = (
        nx.read_graphml(io.StringIO(body)) if fmt == "graphml" else nx.read_gexf(io.BytesIO(body.encode()))
    )
    return sorted(n for n, d in graph.nodes(data=True) if d["node_type"] == "event")


@pytest.mark.parametrize("fmt", list(MEDIA))
def test_each_route_answers_its_media_type_as_a_download(client: TestClient, fmt: str) -> None:
    response = client.get(f"/export.{fmt}")
    assert response.status_code == 200
    assert response.headers["content-type"] == MEDIA[fmt]
    assert response.headers["content-disposition"] == f'attachment; filename="eventgraph-events.{fmt}"'
    head = client.head(f"/export.{fmt}")
    assert (head.status_code, head.content) == (200, b"")


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"start": "2019-10-28", "end": "2019-12-16", "match": "within"},
        {"q": "between Oct 28 and Dec 16"},  # year-less: the year with the most events, as /timeline
        {"type": ["airstrike", "rocket_attack"]},
        {"actor": "Kataib Hezbollah"},
        {"actor": ESPER, "disputed": "false"},
        {"place": "kirkuk"},
        {"disputed": "true"},
    ],
    ids=["all", "within", "words", "types", "actor-name", "actor-undisputed", "place", "disputed"],
)
@pytest.mark.parametrize("fmt", list(MEDIA))
def test_an_export_holds_what_the_timeline_lists(
    client: TestClient, fmt: str, params: dict[str, Any]
) -> None:
    listed = timeline_ids(client, **params)
    assert listed
    exported = export_ids(client, fmt, **params)
    assert exported == (sorted(listed) if fmt in ("graphml", "gexf") else listed)


def test_the_csv_names_actors_and_sources(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv", params={"actor": KH}).text)))
    rocket = next(r for r in rows if r["event_id"] == "evt_rocket")
    assert (rocket["actor1"], rocket["actor2"], rocket["actor2_country"]) == (
        "Kata'ib Hizbollah",
        "United States",
        "United States",
    )
    assert (rocket["location"], rocket["latitude"], rocket["longitude"]) == ("Kirkuk", "35.47", "44.39")
    assert rocket["notes"] == "Daily Two: Rockets hit the K-1 base on Friday."


def test_the_timeline_errors_are_the_exports_errors(client: TestClient) -> None:
    unknown = client.get("/export.csv", params={"actor": "Nobody Atall"})
    assert unknown.status_code == 404 and unknown.headers["content-type"] == "application/problem+json"
    assert "no actor matches 'Nobody Atall'" in unknown.json()["detail"]
    assert unknown.json()["parameter"] == "actor"
    backwards = client.get("/export.geojson", params={"start": "2019-12-16", "end": "2019-10-28"})
    assert backwards.status_code == 400 and "before it starts" in backwards.json()["detail"]
    words = client.get("/export.jsonl", params={"q": "sometime soonish"})
    assert words.status_code == 400 and "cannot read a date range" in words.json()["detail"]
    bad_type = client.get("/export.gexf", params={"type": "picnic"})
    assert bad_type.status_code == 422 and bad_type.json()["parameter"] == "type.0"


def test_exports_carry_the_read_validators_and_compress(client: TestClient) -> None:
    first = client.get("/export.csv", params={"actor": ESPER})
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, no-cache"
    again = client.get("/export.csv", params={"actor": ESPER}, headers={"If-None-Match": etag})
    assert (again.status_code, again.content) == (304, b"")
    other = client.get("/export.geojson", params={"actor": ESPER})
    assert other.headers["etag"] != etag  # another file, another tag
    packed = client.get("/export.csv", params={"actor": ESPER}, headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip" and packed.text == first.text


def test_paging_parameters_are_not_taken(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()["paths"]
    names = {p["name"] for p in spec["/export.csv"]["get"]["parameters"]}
    timeline = {p["name"] for p in spec["/timeline"]["get"]["parameters"]}
    assert names == timeline - {"cursor", "limit"}
    assert "application/geo+json" in spec["/export.geojson"]["get"]["responses"]["200"]["content"]
    everything = export_ids(client, "jsonl", limit=1)  # unknown to the export: ignored, all events come
    assert everything == timeline_ids(client)


@pytest.mark.parametrize("fmt", list(MEDIA))
def test_a_selection_over_many_pages_streams_the_same_file(
    client: TestClient, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = client.get(f"/export.{fmt}").text
    monkeypatch.setattr(selection, "PAGE_SIZE", 2)
    calls = count_timeline_calls(monkeypatch)
    with client.stream("GET", f"/export.{fmt}") as response:
        chunks = [chunk for chunk in response.iter_text() if chunk]
    assert "".join(chunks) == whole
    assert len(calls) == 4  # 7 dated events, 2 a page
    if fmt in ("csv", "geojson", "jsonl"):
        assert len(chunks) >= 4  # written page by page


def count_timeline_calls(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    calls: list[str | None] = []
    original = selection.Selection.next_page

    def spy(self: selection.Selection) -> selection.ExportPage:
        calls.append(self._cursor)
        return original(self)

    monkeypatch.setattr(selection.Selection, "next_page", spy)
    return calls


class FailingAfter:
    """A store whose timeline fails from the ``n``-th call on (the store went away mid-export)."""

    def __init__(self, store: GraphStore, n: int) -> None:
        self.store, self.n, self.kind = store, n, store.kind

    def timeline(self, flt: TimelineFilter, *, limit: int = 100, cursor: str | None = None) -> TimelinePage:
        self.n -= 1
        if self.n <= 0:
            raise StoreUnavailable("connection refused")
        return self.store.timeline(flt, limit=limit, cursor=cursor)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def test_a_store_failure_before_the_first_byte_is_a_503(store: GraphStore) -> None:
    with TestClient(create_app(FailingAfter(store, 1), Settings())) as client:  # type: ignore[arg-type]
        response = client.get("/export.csv")
    assert response.status_code == 503 and "unavailable" in response.json()["detail"]


def test_a_store_failure_mid_stream_cuts_the_transfer(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over a real socket: the client gets the first page, then a broken transfer, not a short file."""
    monkeypatch.setattr(selection, "PAGE_SIZE", 2)
    settings = Settings()
    app = create_app(FailingAfter(store, 2), settings)  # type: ignore[arg-type]
    server = uvicorn.Server(server_config(app, settings, "127.0.0.1", 0))
    received = []
    with (
        running(server) as port,
        pytest.raises(httpx.RemoteProtocolError),
        httpx.stream("GET", f"http://127.0.0.1:{port}/export.csv", timeout=30) as response,
    ):
        assert response.status_code == 200
        for chunk in response.iter_text():
            received.append(chunk)
    rows = list(csv.reader(io.StringIO("".join(received))))
    assert rows[0][0] == "event_id" and len(rows) == 3  # the header and the first page only
