"""Neo4j-only behaviour against the real server: faults, limits, read-only reads, Browser queries,
and value-for-value agreement with the embedded store on a synthetic graph."""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bench.gen_synthetic import generate
from eventgraph.cli import main
from eventgraph.graph import cypher
from eventgraph.graph.errors import QueryTimeout, StoreAuthError, StoreError, StoreUnavailable
from eventgraph.graph.export import dumps_rows
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import Batch, DateInterval
from eventgraph.graph.neo4j_store import Neo4jStore
from eventgraph.graph.store import TimelineFilter
from eventgraph.graph.version import GRAPH_VERSION, LAYOUT, REBUILD
from tests.factories import NEO4J_PASSWORD, NEO4J_URI, neo4j_store, small_batch


def test_unreachable_server_gives_a_clear_error() -> None:
    with pytest.raises(StoreUnavailable, match=r"^cannot reach Neo4j at bolt://127\.0\.0\.1:7699: "):
        Neo4jStore("bolt://127.0.0.1:7699", "neo4j", "x")


@pytest.fixture
def neo() -> Iterator[Neo4jStore]:
    store = neo4j_store()
    assert isinstance(store, Neo4jStore)
    store.clear()
    yield store
    store.close()


@pytest.mark.neo4j
def test_wrong_password_gives_a_clear_error() -> None:
    # A user that does not exist: failed logins of the real user would lock it for the other tests.
    with pytest.raises(StoreAuthError, match=r"^Neo4j rejected the credentials for user 'intruder'"):
        Neo4jStore(NEO4J_URI, "intruder", NEO4J_PASSWORD + "-wrong")


@pytest.mark.neo4j
def test_slow_query_hits_the_time_limit(neo: Neo4jStore) -> None:
    with pytest.raises(QueryTimeout, match="time limit"):
        neo.read("admin/slow_probe", timeout=0.2, n=2_000_000_000)
    assert neo.read("admin/slow_probe", n=100) == [{"n": 14}]


@pytest.mark.neo4j
def test_reads_cannot_write(neo: Neo4jStore) -> None:
    with pytest.raises(StoreError, match="refused write_meta"):
        neo.read("write_meta", span=5)
    assert neo.read("meta") == [{"span": 0}]


@pytest.mark.neo4j
def test_schema_is_applied_once_and_idempotently(neo: Neo4jStore) -> None:
    neo4j_store().close()  # a second start re-applies schema.cypher without error
    names = {r["name"]: r["constraint"] for r in neo.read("admin/show_schema")}
    for constraint in ("article_id", "event_id", "actor_id", "place_id"):
        assert names.get(constraint) is True
    for index in ("event_start", "event_end", "event_type", "actor_name", "actor_search", "place_location"):
        assert names.get(index) is False


@pytest.mark.neo4j
def test_interrupted_load_completes_on_rerun_with_clean_counts(neo: Neo4jStore) -> None:
    batch = generate(600, seed=5)
    neo.batch_size = 100

    def die(done: int, total: int) -> None:
        if done >= 300:
            raise ConnectionError("killed mid-load")

    with pytest.raises(ConnectionError):
        neo.upsert(batch, progress=die)
    assert 0 < neo.counts().events < 600
    neo.upsert(batch)
    clean = MemoryStore()
    clean.upsert(batch)
    assert neo.counts() == clean.counts()
    neo.upsert(batch)
    assert neo.counts() == clean.counts()


BROWSER_PARAMS: dict[str, dict[str, Any]] = {
    "browser/events_in_window": {"start": date(2019, 10, 28), "end": date(2019, 12, 16)},
    "browser/actor_neighbourhood": {"actor": "person:mark-esper"},
    "browser/who_called_whom": {"start": None, "end": date(2020, 12, 31)},
    "browser/attacks_by_place": {"types": ["rocket_attack", "airstrike"]},
    "browser/disputed_events": {"type": None},
    "browser/shortest_path": {"from": "person:mark-esper", "to": "group:kataib-hizbollah"},
    "browser/time_ordered_path": {
        "from": "person:mark-esper",
        "to": "group:kataib-hizbollah",
        "start": date(2019, 10, 1),
        "end": date(2019, 12, 31),
    },
    "browser/heavy_attacks": {"min_count": 10, "min_killed": 1},
    "browser/places_near": {"lat": 33.3, "lon": 44.4, "km": 50},
    "browser/find_actor": {"query": "*esper*"},
}


def test_every_browser_query_documents_what_it_shows_and_its_parameters() -> None:
    assert sorted(BROWSER_PARAMS) == cypher.browser_queries()
    for name in BROWSER_PARAMS:
        text = cypher.load(name)
        assert text.startswith("// "), name
        used = set(re.findall(r"\$(\w+)", text))
        documented = set(re.findall(r":param (\w+)", text))
        assert used == documented == set(BROWSER_PARAMS[name]), name


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(BROWSER_PARAMS))
def test_browser_queries_run_on_the_real_server(neo: Neo4jStore, name: str) -> None:
    neo.upsert(small_batch())
    rows = neo.read(name, **BROWSER_PARAMS[name])
    assert rows, f"{name} found nothing in the sample graph"


@pytest.mark.neo4j
def test_both_stores_agree_on_a_synthetic_graph(neo: Neo4jStore) -> None:
    batch = generate(2000, seed=11)
    mem = MemoryStore()
    mem.upsert(batch)
    neo.upsert(batch)
    assert neo.counts() == mem.counts()
    assert neo.date_span() == mem.date_span()
    assert neo.places() == mem.places()
    filters = [
        TimelineFilter(date(2019, 3, 1), date(2019, 3, 31)),
        TimelineFilter(date(2019, 3, 1), date(2019, 3, 31), match="within", types=["meeting", "statement"]),
        TimelineFilter(actor=batch.actors[3].id, disputed=False),
        TimelineFilter(date(2018, 6, 1), None, place=batch.places[0].id),
    ]
    for flt in filters:
        assert neo.count(flt) == mem.count(flt)
        cursor_n = cursor_m = None
        for _ in range(3):
            page_n = neo.timeline(flt, limit=25, cursor=cursor_n)
            page_m = mem.timeline(flt, limit=25, cursor=cursor_m)
            assert page_n == page_m
            cursor_n, cursor_m = page_n.next_cursor, page_m.next_cursor
    for query in ["", "adil", "Mahdi 5", "jaber ministry", "Karim Sadr", "Novak Agncy"]:
        assert neo.actors(query, limit=10) == mem.actors(query, limit=10)
    for actor in batch.actors[:3] + batch.actors[200:203]:
        assert neo.actor(actor.id) == mem.actor(actor.id)
    for event in batch.events[:20]:
        assert neo.event(event.id) == mem.event(event.id)
    window = DateInterval(date(2018, 3, 1), date(2019, 6, 30))
    for a, b in [(5, 300), (40, 41), (250, 380), (1, 399)]:
        src, dst = batch.actors[a].id, batch.actors[b].id
        assert neo.path(src, dst, max_hops=3) == mem.path(src, dst, max_hops=3)
        assert neo.path(src, dst, max_hops=3, ordered=True, window=window) == mem.path(
            src, dst, max_hops=3, ordered=True, window=window
        )


def _every_span_class(n: int) -> Batch:
    """Synthetic events re-dated so every interval-length class (one day .. longer than a year) is
    populated, with lengths on both sides of each class bound."""
    batch = generate(n, seed=7)
    rng = random.Random(3)
    lengths = [0, 1, 6, 7, 8, 30, 31, 32, 91, 92, 93, 365, 366, 367, 800]
    events = []
    for e in batch.events:
        if e.date and rng.random() < 0.5:
            start = e.date.start
            e = dataclasses.replace(
                e, date=DateInterval(start, start + timedelta(days=rng.choice(lengths)), "range")
            )
        events.append(e)
    return dataclasses.replace(batch, events=events)


@pytest.mark.neo4j
def test_windows_over_every_span_class_match_the_embedded_store(neo: Neo4jStore) -> None:
    batch = _every_span_class(1500)
    mem = MemoryStore()
    mem.upsert(batch)
    neo.upsert(batch)
    rng = random.Random(4)
    for _ in range(25):
        start = date(2017, 6, 1) + timedelta(days=rng.randrange(1400))
        flt = TimelineFilter(
            start,
            start + timedelta(days=rng.choice([0, 7, 40, 400])),
            match=rng.choice(["overlap", "within"]),
        )
        assert neo.count(flt) == mem.count(flt)
        cursor_n = cursor_m = None
        for _ in range(4):
            page_n = neo.timeline(flt, limit=30, cursor=cursor_n)
            page_m = mem.timeline(flt, limit=30, cursor=cursor_m)
            assert [r.event.id for r in page_n.rows] == [r.event.id for r in page_m.rows]
            assert page_n.next_cursor == page_m.next_cursor
            cursor_n, cursor_m = page_n.next_cursor, page_m.next_cursor


@pytest.mark.neo4j
def test_events_stored_before_span_classes_are_migrated_on_open(neo: Neo4jStore) -> None:
    batch = _every_span_class(300)
    neo.upsert(batch)
    flt = TimelineFilter(date(2018, 1, 1), date(2019, 12, 31))
    before = neo.timeline(flt, limit=500)
    neo.write_steps([("admin/forget_span_class", {})])  # the layout an older release wrote
    assert neo.timeline(flt, limit=500).rows == []
    reopened = neo4j_store()
    try:
        assert reopened.timeline(flt, limit=500) == before
    finally:
        reopened.close()


@pytest.mark.neo4j
def test_links_stored_before_the_link_keys_are_migrated_on_open(neo: Neo4jStore) -> None:
    """A graph of layout 2 (no keys on its event links) gets them at the next open: a hub's page of
    links, read from the link_key indexes, is empty before and whole after, undated links last."""
    batch = generate(400, seed=3)
    neo.upsert(batch)
    hub = batch.actors[0].id
    before = neo.incidences_page(hub, None, 10**6, None, False)
    assert len(before) > 50 and before[-1].start is None  # undated events last
    neo.write_steps([("admin/forget_link_keys", {})])
    assert [i for i in neo.incidences_page(hub, None, 10**6, None, False) if i.kind == "event"] == []
    reopened = neo4j_store()
    assert isinstance(reopened, Neo4jStore)
    try:
        assert reopened.incidences_page(hub, None, 10**6, None, False) == before
        assert reopened.read("admin/layout") == [{"layout": LAYOUT}]
    finally:
        reopened.close()


@pytest.mark.neo4j
def test_repeated_events_in_one_load_end_as_the_last_telling(neo: Neo4jStore) -> None:
    """Two writers, small chunks, ids told twice with other dates, places and participants (and an
    actor repeated in one list): each event ends as a merge of its tellings, as in the embedded store."""
    batch = generate(400, seed=9)
    rng = random.Random(5)
    retold = []
    for e in rng.sample(batch.events, 80):
        other = rng.choice(batch.actors).id
        retold.append(
            dataclasses.replace(
                e,
                type="statement",
                date=DateInterval(date(2020, 1, 1), date(2020, 1, 9), "range"),
                place=rng.choice(batch.places).id,
                agents=[*e.agents, other, other],
                sources=[*e.sources, *e.sources[:1]],
            )
        )
    doubled = [dataclasses.replace(e, agents=e.agents * 2, sources=e.sources * 2) for e in batch.events[:20]]
    events = doubled + batch.events[20:200] + retold + batch.events[200:]
    load = dataclasses.replace(batch, events=events)
    neo.batch_size, neo.writers = 37, 2
    neo.upsert(load)
    mem = MemoryStore()
    mem.upsert(load)
    assert neo.counts() == mem.counts()
    for e in retold + doubled:
        assert neo.event(e.id) == mem.event(e.id)


@pytest.mark.neo4j
def test_a_graph_an_older_release_loaded_is_refused_and_load_replace_rebuilds_it(
    neo: Neo4jStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Article ids changed (issue 12.2): a graph without this store format on its Meta node cannot be
    merged into or served; `load --replace` rebuilds it, and the span-class migration still runs."""
    neo.upsert(small_batch())
    neo.write_steps([("admin/forget_store_version", {}), ("admin/forget_span_class", {})])
    message = (
        f"the Neo4j graph at {NEO4J_URI} was written by an older eventgraph (store format 1; this one "
        f"reads {GRAPH_VERSION}): rebuild it: {REBUILD}"
    )
    old = neo4j_store()
    try:
        for use in (old.counts, lambda: old.timeline(TimelineFilter()), lambda: old.upsert(small_batch())):
            with pytest.raises(StoreError) as refused:
                use()
            assert str(refused.value) == message
    finally:
        old.close()
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: pytest.fail("served an outdated graph"))
    for command in ("stats", "serve"):
        result = CliRunner().invoke(main, [command, "--store", "neo4j"])
        assert result.exit_code == 1 and result.stderr.strip().splitlines()[-1] == f"Error: {message}"
    events = tmp_path / "events.jsonl"
    events.write_text("\n".join(dumps_rows(small_batch())) + "\n")
    merged = CliRunner().invoke(main, ["load", str(events), "--store", "neo4j"])
    assert merged.exit_code == 1 and f"Error: {message}" in merged.stderr
    rebuilt = CliRunner().invoke(main, ["load", str(events), "--store", "neo4j", "--replace"])
    assert rebuilt.exit_code == 0, rebuilt.output
    reopened = neo4j_store()
    try:
        assert reopened.counts().events == 8
        assert reopened.timeline(TimelineFilter()).rows[0].event.id == "e8"
    finally:
        reopened.close()


@pytest.mark.neo4j
def test_an_empty_graph_takes_this_store_format(neo: Neo4jStore) -> None:
    assert neo.read("store_version") == [{"version": GRAPH_VERSION, "events": False}]
    neo.upsert(small_batch())
    assert neo4j_store().read("store_version") == [{"version": GRAPH_VERSION, "events": True}]
