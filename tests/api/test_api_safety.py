"""Hostile and broken input, store faults and limits: every answer is ordinary JSON, nothing changes."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import checks

from eventgraph.api.app import create_app
from eventgraph.graph.errors import StoreUnavailable
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.open import open_writer
from eventgraph.graph.store import GraphStore
from eventgraph.settings import Settings
from tests.factories import ESPER, KH

INJECTIONS = [
    "' OR 1=1 //",
    '"}) DETACH DELETE n //',
    "}) DETACH DELETE n //",
    "$param",
    "x' }) MATCH (n) SET n.name = 'pwned' //",
    "\\u0027; CALL db.clear() //",
]
# Every string parameter of every route (path parameters through their URL).
STRING_PARAMS: list[tuple[str, str, dict[str, str]]] = [
    ("/timeline", "q", {}),
    ("/timeline", "actor", {}),
    ("/timeline", "place", {}),
    ("/timeline", "cursor", {}),
    ("/timeline/vis", "actor", {}),
    ("/timeline/timelinejs", "place", {}),
    ("/timeline/histogram", "q", {}),
    ("/timeline/histogram", "actor", {}),
    ("/places", "actor", {}),
    ("/places", "q", {}),
    ("/actors", "q", {}),
    ("/path", "from", {"to": KH}),
    ("/path", "to", {"from": ESPER}),
]


@pytest.fixture
def app(store: GraphStore) -> FastAPI:
    return create_app(store, Settings(max_limit=50))


def test_openapi_no_server_errors_and_responses_match(app: FastAPI) -> None:
    """Schemathesis on every operation (its pytest plugin cannot take a parametrized store)."""
    api = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in api.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) == 16  # 11 read routes and the 5 exports

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            case.call_and_validate(
                checks=[
                    checks.not_a_server_error,
                    checks.status_code_conformance,
                    checks.content_type_conformance,
                    checks.response_schema_conformance,
                    checks.negative_data_rejection,
                ]
            )

        check()


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_in_every_string_parameter_is_inert(
    client: TestClient, store: GraphStore, payload: str
) -> None:
    before = store.counts()
    baseline = client.get("/timeline", params={"limit": 50}).json()["events"]
    for url, name, extra in STRING_PARAMS:
        response = client.get(url, params={**extra, name: payload})
        assert response.status_code in (200, 400, 404, 422), (url, name, response.text)
        assert "detail" in response.json() or response.status_code == 200
    for url in (f"/events/{payload}", f"/actors/{payload}"):
        assert client.get(url).status_code in (404, 422)
    assert store.counts() == before
    assert client.get("/timeline", params={"limit": 50}).json()["events"] == baseline
    assert client.get("/actors", params={"q": "Esper"}).json()["actors"][0]["id"] == ESPER


def test_only_get_is_served(client: TestClient) -> None:
    for method in ("post", "put", "delete", "patch"):
        response = client.request(method.upper(), "/timeline")
        assert response.status_code == 405 and "detail" in response.json()


class HeldStore(MemoryStore):
    """A store whose timeline waits until the test lets it go, counting calls at work at once."""

    def __init__(self, parties: int = 1) -> None:
        super().__init__()
        self.release = threading.Event()
        self.together = threading.Barrier(parties, timeout=60)
        self.lock = threading.Lock()
        self.working = self.most = self.completed = 0

    def timeline(self, *args: Any, **kwargs: Any) -> Any:
        with self.lock:
            self.working += 1
            self.most = max(self.most, self.working)
        try:
            if self.together.parties > 1:
                self.together.wait()  # proves that this many calls do run at once
            else:
                self.release.wait(60)
            found = super().timeline(*args, **kwargs)
            self.completed += 1
            return found
        finally:
            with self.lock:
                self.working -= 1


class DownStore(MemoryStore):
    def ping(self) -> bool:
        return False

    def timeline(self, *args: Any, **kwargs: Any) -> Any:
        raise StoreUnavailable("cannot reach the server at bolt://127.0.0.1:1")


def test_time_limit_answers_504() -> None:
    """The answer comes at the limit while the store call is still held (how soon: bench_limits)."""
    store = HeldStore()
    with TestClient(create_app(store, Settings(query_timeout=0.2))) as c:
        response = c.get("/timeline")
        completed = store.completed
        store.release.set()
    assert completed == 0  # answered without waiting for the store call
    assert response.status_code == 504
    assert "took too long" in response.json()["detail"]


def test_unreachable_store_answers_503_and_health_degrades() -> None:
    with TestClient(create_app(DownStore(), Settings())) as c:
        response = c.get("/timeline")
        assert response.status_code == 503
        assert response.json()["detail"].startswith("the graph store is unavailable")
        health = c.get("/health")
    assert health.status_code == 503  # load balancers and orchestrators act on the status alone
    assert health.json()["status"] == "degraded" and health.json()["reachable"] is False


@pytest.mark.neo4j
def test_health_answers_503_when_neo4j_cannot_be_reached() -> None:
    """The real driver against a port nobody listens on: /health must say so in its status."""
    from neo4j import GraphDatabase

    from eventgraph.graph.open import open_store

    store = open_store("neo4j")
    with TestClient(create_app(store, Settings())) as c:
        assert c.get("/health").status_code == 200
        store.driver.close()  # type: ignore[attr-defined]
        store.driver = GraphDatabase.driver("bolt://127.0.0.1:9", connection_timeout=1.0)  # type: ignore[attr-defined]
        health = c.get("/health")
    store.close()
    assert health.status_code == 503
    body = health.json()
    assert (body["status"], body["reachable"], body["store"]) == ("degraded", False, "neo4j")


def test_cors_is_configurable() -> None:
    origin = "https://newsroom.example"
    with TestClient(create_app(MemoryStore(), Settings(cors_origins=[origin]))) as c:
        allowed = c.get("/health", headers={"Origin": origin})
        other = c.get("/health", headers={"Origin": "https://evil.example"})
    assert allowed.headers["access-control-allow-origin"] == origin
    assert "access-control-allow-origin" not in other.headers
    with TestClient(create_app(MemoryStore(), Settings())) as c:
        assert "access-control-allow-origin" not in c.get("/health", headers={"Origin": origin}).headers


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTGRAPH_STORE", "neo4j")
    monkeypatch.setenv("EVENTGRAPH_MAX_LIMIT", "7")
    monkeypatch.setenv("EVENTGRAPH_CORS_ORIGINS", "http://a.example, http://b.example")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret")
    s = Settings()
    assert (s.store, s.max_limit, s.cors_origins) == ("neo4j", 7, ["http://a.example", "http://b.example"])
    assert s.neo4j_password.get_secret_value() == "s3cret" and "s3cret" not in repr(s)


def test_app_opens_and_closes_the_configured_store(tmp_path: Any) -> None:
    with open_writer("memory", data_dir=tmp_path):
        pass  # an empty store: a folder that holds none is refused (issue 16.11)
    with TestClient(create_app(settings=Settings(store="memory", data=tmp_path))) as c:
        body = c.get("/health").json()
    assert (body["store"], body["counts"]["events"]) == ("memory", 0)


def test_concurrency_limiter_queues_store_calls() -> None:
    """Two slots for four calls: two at work at once, never more; the others wait their turn."""
    store = HeldStore(parties=2)
    with TestClient(create_app(store, Settings(query_timeout=60, max_concurrent_queries=2))) as c:
        codes: list[int] = []
        threads = [
            threading.Thread(target=lambda: codes.append(c.get("/timeline").status_code)) for _ in range(4)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert codes == [200] * 4
    assert store.most == 2


class StuckStore(MemoryStore):
    """A timeline call that ignores the deadline and stops only when the test lets it."""

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()
        self.release = threading.Event()
        self.entered = 0

    def timeline(self, *args: Any, **kwargs: Any) -> Any:
        self.entered += 1
        self.started.set()
        self.release.wait(60)
        return super().timeline(*args, **kwargs)


def test_a_timed_out_call_keeps_its_slot_until_its_work_stops() -> None:
    """One slot: while the first, timed-out call still works, the next request gets no slot
    (504), rather than a second call piling onto the store."""
    store = StuckStore()
    app = create_app(store, Settings(query_timeout=0.5, max_concurrent_queries=1))
    with TestClient(app) as c:
        codes: list[int] = []
        first = threading.Thread(target=lambda: codes.append(c.get("/timeline").status_code))
        first.start()
        assert store.started.wait(60)  # the store call is at work
        first.join()
        assert codes == [504]
        assert app.state.slots.in_use == 1  # the abandoned call still counts
        assert c.get("/timeline").status_code == 504
        assert store.entered == 1  # the second request never reached the store
        store.release.set()
        for _ in range(1200):
            if app.state.slots.in_use == 0:
                break
            threading.Event().wait(0.05)
        assert app.state.slots.in_use == 0
        assert c.get("/timeline").status_code == 200


def test_slots_hand_over_to_waiters_without_losing_a_turn() -> None:
    """Twenty requests on two slots, given back from worker threads, a third of the waiters
    giving up: never more than two at work, everyone else served, nothing left held."""
    import anyio
    import anyio.to_thread

    from eventgraph.api.deps import Slots

    slots = Slots(2)
    most, served, gave_up = 0, 0, 0

    async def request(i: int) -> None:
        nonlocal most, served, gave_up
        try:
            with anyio.fail_after(0.05 if i % 3 == 0 else 60):
                await slots.take()
        except TimeoutError:
            gave_up += 1
            return
        most = max(most, slots.in_use)
        await anyio.to_thread.run_sync(lambda: (threading.Event().wait(0.01), slots.give_back()))
        served += 1

    async def main() -> None:
        async with anyio.create_task_group() as tg:
            for i in range(20):
                tg.start_soon(request, i)

    anyio.run(main)
    assert most <= 2 and served + gave_up == 20 and served >= 13
    assert slots.in_use == 0 and slots.try_take() and slots.try_take() and not slots.try_take()
