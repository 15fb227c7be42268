"""HTTP around the answers, on both stores: RFC 9457 problem details on every error path, ETag,
Cache-Control and 304 on reads, gzip."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from eventgraph.api.app import create_app
from eventgraph.api.errors import PROBLEM_TYPES
from eventgraph.graph.errors import StoreUnavailable
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.store import GraphStore
from eventgraph.settings import Settings
from tests.factories import seed_batch

PROBLEM_MEMBERS = {"type", "title", "status", "detail", "instance"}


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["cache-control"] == "no-store" and "etag" not in response.headers
    body: dict[str, Any] = response.json()
    assert body.keys() >= PROBLEM_MEMBERS and body["status"] == status
    return body


@pytest.mark.parametrize(
    ("url", "status", "kind", "parameter", "names"),
    [
        ("/timeline?q=when%20pigs%20fly", 400, "bad-request", "q", "'when pigs fly'"),
        ("/timeline?start=2019-12-16&end=2019-10-28", 400, "bad-request", "end", "2019-10-28"),
        ("/timeline?cursor=bm90LWEtY3Vyc29y", 400, "invalid-cursor", "cursor", "bm90LWEtY3Vyc29y"),
        ("/events/evt_nope", 404, "not-found", "event_id", "'evt_nope'"),
        ("/timeline?actor=Zorblax", 404, "not-found", "actor", "'Zorblax'"),
        ("/places?place=Atlantis", 404, "not-found", "place", "'Atlantis'"),
        ("/timeline?start=2019-13-45", 422, "invalid-parameter", "start", "'start'"),
        ("/timeline/histogram?bucket=year", 422, "invalid-parameter", "bucket", "'bucket'"),
    ],
)
def test_errors_are_problem_details_naming_the_input(
    client: TestClient, url: str, status: int, kind: str, parameter: str, names: str
) -> None:
    body = problem(client.get(url), status)
    assert body["type"] == f"/problems/{kind}" and body["title"] == PROBLEM_TYPES[kind][0]
    assert body["parameter"] == parameter and names in body["detail"]
    assert body["instance"] == url
    described = client.get(body["type"]).json()  # the type resolves to its description
    assert (described["status"], described["title"]) == (status, body["title"])


def test_validation_problem_lists_every_bad_parameter(client: TestClient) -> None:
    body = problem(client.get("/timeline", params={"start": "nope", "limit": 0}), 422)
    assert {e["parameter"] for e in body["errors"]} == {"start", "limit"}
    assert {e["input"] for e in body["errors"]} == {"nope", "0"}


def test_unknown_name_lists_the_closest(client: TestClient) -> None:
    body = problem(client.get("/path", params={"from": "Esperanza", "to": "Iran"}), 404)
    assert body["parameter"] == "from" and [a["name"] for a in body["closest"]] == ["Mark Esper"]


def test_plain_http_failures_are_about_blank(client: TestClient) -> None:
    body = problem(client.get("/nope"), 404)
    assert (body["type"], body["title"], body["detail"]) == (
        "about:blank",
        "Not Found",
        "no such route; see /docs",
    )
    response = client.post("/timeline?x=1")
    body = problem(response, 405)
    assert (body["type"], body["title"], body["instance"]) == (
        "about:blank",
        "Method Not Allowed",
        "/timeline?x=1",
    )
    assert "POST" in body["detail"] and "GET" in response.headers["allow"]
    assert problem(client.get("/problems/no-such-kind"), 404)["parameter"] == "slug"


class DownStore(MemoryStore):
    def generation(self) -> str:
        raise StoreUnavailable("cannot reach the server at bolt://127.0.0.1:1")


class SlowStore(MemoryStore):
    def timeline(self, *args: Any, **kwargs: Any) -> Any:
        raise TimeoutError("time limit of 0.1 s reached")


def test_store_failures_and_timeouts_are_problem_details() -> None:
    with TestClient(create_app(DownStore(), Settings())) as c:
        body = problem(c.get("/timeline"), 503)
        assert body["type"] == "/problems/store-unavailable" and "bolt://127.0.0.1:1" in body["detail"]
    with TestClient(create_app(SlowStore(), Settings())) as c:
        body = problem(c.get("/timeline?limit=3"), 504)
        assert body["type"] == "/problems/query-timeout" and body["instance"] == "/timeline?limit=3"
        assert "narrow the date window" in body["detail"]


READS = [
    "/timeline?start=2019-10-28&end=2019-12-16",
    "/timeline/vis",
    "/timeline/histogram?bucket=week",
    "/events/evt_call",
    "/actors?q=Esper",
    "/places?type=visit",
]


@pytest.mark.parametrize("url", READS)
def test_reads_carry_a_validator_and_answer_304_when_it_matches(client: TestClient, url: str) -> None:
    first = client.get(url)
    etag = first.headers["etag"]
    assert etag.startswith('W/"') and first.headers["cache-control"] == "public, no-cache"
    assert client.get(url).headers["etag"] == etag  # stable while the graph is
    for method in ("GET", "HEAD"):
        again = client.request(method, url, headers={"If-None-Match": f'"other", {etag}'})
        assert again.status_code == 304 and again.content == b""
        assert again.headers["etag"] == etag and again.headers["cache-control"] == "public, no-cache"
    assert (
        client.get(url, headers={"If-None-Match": etag.removeprefix("W/")}).status_code == 304
    )  # weak match
    assert client.get(url, headers={"If-None-Match": "*"}).status_code == 304
    assert client.get(url, headers={"If-None-Match": 'W/"stale"'}).status_code == 200
    assert client.get(url + ("&" if "?" in url else "?") + "limit=3").headers["etag"] != etag


def test_validators_change_when_the_graph_does(store: GraphStore) -> None:
    with TestClient(create_app(store, Settings())) as c:
        etag = c.get("/timeline").headers["etag"]
        store.upsert(seed_batch())  # a load, even of the same articles: the generation moves on
        fresh = c.get("/timeline", headers={"If-None-Match": etag})
        assert fresh.status_code == 200 and fresh.headers["etag"] != etag
        assert "etag" not in c.get("/health").headers  # health is live, never revalidated


def test_gzip_for_large_answers_only(client: TestClient) -> None:
    url = "/timeline?limit=50"
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    with client.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as zipped:
        raw = b"".join(zipped.iter_raw())
        assert zipped.headers["content-encoding"] == "gzip" and "Accept-Encoding" in zipped.headers["vary"]
        assert int(zipped.headers["content-length"]) == len(raw) < len(plain.content)
        assert zipped.headers["etag"] == plain.headers["etag"]  # weak: the same answer, other bytes
    assert json.loads(gzip.decompress(raw)) == plain.json()
    small = client.get("/problems/not-found", headers={"Accept-Encoding": "gzip"})
    assert len(small.content) < 1000 and "content-encoding" not in small.headers
    head = client.head(url, headers={"Accept-Encoding": "gzip"})
    assert head.headers["content-encoding"] == "gzip" and head.headers["content-length"] == str(len(raw))
