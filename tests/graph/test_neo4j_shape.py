"""Typed labels and typed attribute properties (issue 14): the mapping on its own, then on the real server."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventgraph.graph import cypher
from eventgraph.graph.errors import StoreError
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import ACTOR_KINDS, EVENT_TYPES, Batch
from eventgraph.graph.neo4j_shape import (
    ACTOR_LABELS,
    ATTRIBUTE_PROPERTIES,
    EVENT_LABELS,
    EXTRA,
    attribute_properties,
    attributes_from,
    event_labels,
)
from eventgraph.graph.neo4j_store import Neo4jStore
from eventgraph.graph.version import GRAPH_VERSION, REBUILD
from tests.factories import NEO4J_URI, neo4j_store, small_batch

# Attribute dicts as extraction and hand-written JSONL make them, including what cannot be one property.
ODD_ATTRIBUTES: list[dict[str, Any]] = [
    {},
    {"count": 30, "weapon": "rocket", "aggregate": True},
    {"speech_act": "accusation", "quote": "They did it.", "told_to": ["Kurdistan 24", "AFP"]},
    {"told_to": "Reuters", "killed": 2, "wounded": 5},
    {"casualties": {"wounded": 5, "who": "members of the Counter Terrorism Service"}},
    {"casualties": {"killed": 1, "rank": {"nested": True}}},  # not flat: kept whole as JSON
    {"date_claims": [{"doc": "a@1", "date": {"start": "2019-12-15"}, "date_text": "Sunday"}]},
    {"speech_act": ["claim", "denial"], "weapon": None, "confidence_note": 0.5, "told_to": []},
    {"count": 2.5, "quote": "", "id": "not the event's id", "type": "not the event's type"},
]


@pytest.mark.parametrize("attributes", ODD_ATTRIBUTES)
def test_attributes_round_trip_through_typed_properties(attributes: dict[str, Any]) -> None:
    props = attribute_properties(attributes)
    assert set(props) == set(ATTRIBUTE_PROPERTIES)  # every one, so a reload clears old ones
    back = attributes_from({k: v for k, v in props.items() if v is not None})
    assert back == attributes
    assert [type(back[k]) for k in attributes] == [type(v) for v in attributes.values()]


def test_known_attributes_become_properties_of_their_own_type() -> None:
    props = attribute_properties(
        {"count": 30, "killed": 2, "weapon": "rocket", "casualties": {"killed": 2, "who": "guards"}}
    )
    assert (props["count"], props["killed"], props["weapon"]) == (30, 2, "rocket")
    assert (props["casualties_killed"], props["casualties_who"], props[EXTRA]) == (2, "guards", None)
    assert attribute_properties({"odd": [1, "x"]})[EXTRA] == '{"odd": [1, "x"]}'


def test_labels_come_from_a_whitelist_covering_every_type_and_kind() -> None:
    assert set(EVENT_LABELS) == set(EVENT_TYPES) and set(ACTOR_LABELS) == set(ACTOR_KINDS)
    labels = [*EVENT_LABELS.values(), *ACTOR_LABELS.values(), "Event", "Actor", "Place", "Article", "Meta"]
    assert len(set(labels)) == len(labels)
    assert all(re.fullmatch(r"[A-Z][A-Za-z]*", label) for label in labels)
    assert event_labels("rocket_attack") == ["RocketAttack"] and event_labels("Robbery`) DETACH DELETE") == []


def test_the_browser_style_colours_every_label() -> None:
    style = (cypher.CYPHER_DIR / "browser" / "style.grass").read_text()
    styled = set(re.findall(r"^node\.(\w+) \{", style, re.M))
    assert styled == {
        *EVENT_LABELS.values(),
        *ACTOR_LABELS.values(),
        "Event",
        "Actor",
        "Place",
        "Article",
        "Meta",
    }
    assert set(re.findall(r"^relationship\.(\w+) \{", style, re.M)) == {
        "AGENT_OF", "TARGETS", "AT", "REPORTS", "AFFILIATED_WITH",
    }  # fmt: skip


@pytest.fixture
def neo() -> Iterator[Neo4jStore]:
    store = neo4j_store()
    assert isinstance(store, Neo4jStore)
    store.clear()
    yield store
    store.close()


def _labels(neo: Neo4jStore, ids: list[str]) -> dict[str, list[str]]:
    return {r["id"]: sorted(r["labels"]) for r in neo.read("admin/labels_of", ids=ids)}


@pytest.mark.neo4j
def test_events_and_actors_carry_their_type_and_kind_as_labels(neo: Neo4jStore) -> None:
    batch = small_batch()
    neo.upsert(batch)
    found = _labels(neo, [e.id for e in batch.events] + [a.id for a in batch.actors])
    assert found == {
        **{e.id: sorted(["Event", EVENT_LABELS[e.type]]) for e in batch.events},
        **{a.id: sorted(["Actor", ACTOR_LABELS[a.kind]]) for a in batch.actors},
    }
    retyped = dataclasses.replace(batch.events[0], type="drone_attack")
    neo.upsert(Batch(events=[retyped]))  # merged into the known event: the old type label goes
    assert _labels(neo, [retyped.id]) == {retyped.id: ["DroneAttack", "Event"]}


@pytest.mark.neo4j
def test_attributes_are_typed_properties_cypher_filters_on_and_both_stores_answer_alike(
    neo: Neo4jStore,
) -> None:
    batch = small_batch()
    events = [
        dataclasses.replace(batch.events[0], id=f"odd{i}", attributes=a) for i, a in enumerate(ODD_ATTRIBUTES)
    ]
    mem = MemoryStore()
    for store in (neo, mem):
        store.upsert(dataclasses.replace(batch, events=batch.events + events))
    for e in events:
        assert neo.event(e.id) == mem.event(e.id)
        detail = neo.event(e.id)
        assert detail is not None and detail.row.event.attributes == e.attributes
    row = neo.read("admin/event_properties", id="odd3")[0]
    types = dict(row["types"])
    assert (types["killed"], types["told_to"], types["wounded"]) == (
        "INTEGER NOT NULL",
        "STRING NOT NULL",
        "INTEGER NOT NULL",
    )
    assert "attributes" not in row["props"] and EXTRA not in row["props"]
    heavy = {r["event"] for r in neo.read("browser/heavy_attacks", min_count=1000, min_killed=2)}
    assert heavy == {"odd3"}  # killed 2; odd4's casualties have no killed, odd5's are JSON
    # a reload with fewer attributes clears the properties the earlier one set
    neo.upsert(Batch(events=[dataclasses.replace(events[3], attributes={"told_to": "AFP"})]))
    assert neo.read("browser/heavy_attacks", min_count=1000, min_killed=2) == []
    assert set(neo.read("admin/event_properties", id="odd3")[0]["props"]) & set(ATTRIBUTE_PROPERTIES) == {
        "told_to"
    }


@pytest.mark.neo4j
def test_places_have_a_point_found_by_distance(neo: Neo4jStore) -> None:
    neo.upsert(small_batch())
    near = neo.read("browser/places_near", lat=33.3, lon=44.4, km=50)
    assert [r["place"] for r in near] == ["Baghdad"]
    assert near[0]["km"] < 5
    everywhere = neo.read("browser/places_near", lat=33.3, lon=44.4, km=20_000)
    assert [r["place"] for r in everywhere] == ["Baghdad", "K1 Air Base"]  # Nowhere has no coordinates


@pytest.mark.neo4j
def test_actor_search_reads_the_full_text_index(neo: Neo4jStore) -> None:
    neo.upsert(small_batch())
    assert "db.index.fulltext.queryNodes('actor_search'" in cypher.load("actor_candidates")
    assert [a.id for a in neo.actors("esper", limit=3)][:1] == ["person:mark-esper"]
    assert [a.id for a in neo.actors("hizb", limit=3)] == ["group:kataib-hizbollah"]
    assert neo.actors("x", limit=3) == []  # no stem of two letters: nothing, as in the embedded store
    mem = MemoryStore()
    mem.upsert(small_batch())
    for query in (
        'esp" OR *',
        "hiz~ (kat) AND:",
        "x y z",
        "us",
        "kata'ib",
    ):  # Lucene syntax is no syntax here
        assert neo.actors(query) == mem.actors(query), query
    found = {r["a"]["id"] for r in neo.read("browser/find_actor", query="*washington*")}
    assert found == {"gpe:united-states"}


@pytest.mark.neo4j
def test_a_graph_of_the_previous_format_is_refused_with_the_rebuild_advice(neo: Neo4jStore) -> None:
    neo.upsert(small_batch())
    neo.write_steps([("admin/mark_store_version", {"version": GRAPH_VERSION - 1})])
    old = neo4j_store()
    try:
        with pytest.raises(StoreError) as refused:
            old.counts()
        assert str(refused.value) == (
            f"the Neo4j graph at {NEO4J_URI} was written by an older eventgraph (store format "
            f"{GRAPH_VERSION - 1}; this one reads {GRAPH_VERSION}): rebuild it: {REBUILD}"
        )
        old.clear()  # what load --replace does: the emptied graph takes this format
        assert old.read("store_version") == [{"version": GRAPH_VERSION, "events": False}]
    finally:
        old.close()


def test_no_cypher_file_builds_a_label_from_text() -> None:
    """Dynamic labels appear only as $(row.labels) or as a filter over labels(n): never a parameter's text."""
    for path in Path(cypher.CYPHER_DIR).rglob("*.cypher"):
        for dynamic in re.findall(r":\$\(((?:[^()]|\([^()]*\))*)\)", path.read_text()):
            assert dynamic in (
                "row.labels",
                "[l IN labels(e) WHERE l <> 'Event']",
                "[l IN labels(a) WHERE l <> 'Actor']",
            ), (path, dynamic)


@pytest.mark.neo4j
def test_the_database_is_chosen_by_flag_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from eventgraph.cli import main

    monkeypatch.setenv("NEO4J_DATABASE", "nosuch")
    missing = CliRunner().invoke(main, ["stats", "--store", "neo4j"])
    assert missing.exit_code == 1
    assert missing.stderr.strip().splitlines()[-1] == (
        f"Error: Neo4j at {NEO4J_URI} has no database 'nosuch' "
        "(chosen with --neo4j-database or NEO4J_DATABASE)"
    )
    flag = CliRunner().invoke(main, ["stats", "--store", "neo4j", "--neo4j-database", "neo4j", "--json"])
    assert flag.exit_code == 0, flag.output  # the flag overrides the environment
    monkeypatch.setenv("NEO4J_DATABASE", "neo4j")
    env = CliRunner().invoke(main, ["stats", "--store", "neo4j", "--json"])
    assert env.exit_code == 0 and env.stdout == flag.stdout
