"""Each export read back by the tool it is for (pandas, shapely, networkx, eventgraph load), on both stores.

The store holds tests.factories.small_batch plus one event with everything a row can carry (two
agents, casualties, a place without coordinates, a sentence with a comma, quotes and a newline).
"""

from __future__ import annotations

import io
import json
import math
import re
from datetime import date
from typing import Any

import networkx as nx
import pandas as pd
import pytest
from shapely.geometry import Point, shape

from eventgraph.graph.export import batch_from_rows
from eventgraph.graph.exports import FORMATS, Selection, export_text
from eventgraph.graph.exports.csv_table import COLUMNS
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import Article, Batch, DateInterval, Event, Place, Source
from eventgraph.graph.store import GraphStore, TimelineFilter
from tests.factories import ESPER, IRAQ, KH, MAHDI, US, small_batch

DATED = ["e8", "e6", "e3", "e2", "e7", "e9", "e1", "e4"]  # small_batch's dated events and e9, timeline order
SENTENCE = 'Gunmen, said to be "KH",\nkilled 3 and wounded 5.'


def extra_batch() -> Batch:
    base = small_batch()
    when = DateInterval(date(2019, 12, 21), date(2019, 12, 21), "day")
    event = Event(
        "e9",
        "other_attack",
        when,
        [KH, MAHDI],
        [US, IRAQ],
        "place:iq:tal-afar-outskirts",
        {"killed": 3, "wounded": 5, "weapon": "gun"},
        0.7,
        summary="KH attacked US forces",
        sources=[Source("a3.txt", SENTENCE, 0, len(SENTENCE), "Saturday", when)],
    )
    return Batch(
        articles=[Article("a3.txt", "Attack", "Wire, Inc.", "http://a3", date(2019, 12, 22))],
        events=[event],
        actors=base.actors,
        places=[
            Place(
                "place:iq:tal-afar-outskirts",
                "Tal Afar outskirts",
                None,
                None,
                "IQ",
                precision="district",
                admin1="Nineveh",
                admin2="Tal Afar",
            )
        ],
    )


@pytest.fixture
def full(store: GraphStore) -> GraphStore:
    store.upsert(extra_batch())
    return store


def text(
    store: GraphStore, name: str, flt: TimelineFilter | None = None, page_size: int | None = None
) -> str:
    return "".join(export_text(Selection(store, flt or TimelineFilter(), page_size), FORMATS[name]))


def table(store: GraphStore, flt: TimelineFilter | None = None) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text(store, "csv", flt)))


def test_csv_loads_in_pandas_with_acled_style_columns(full: GraphStore) -> None:
    df = table(full)
    assert list(df.columns) == list(COLUMNS)
    assert list(df.event_id) == DATED  # dated events in timeline order; e5 has no date
    rows = df.set_index("event_id")
    call = rows.loc["e2"]
    assert (call.date_start, call.date_end, call.date_precision, call.year) == (
        "2019-12-15",
        "2019-12-15",
        "day",
        2019,
    )
    assert (call.event_type, call.cameo_code, call.plover_category) == ("phone_call", 4, "CONSULT")
    assert (call.actor1, call.actor1_id, call.actor1_kind, call.actor1_country) == (
        "Mark Esper",
        ESPER,
        "person",
        "United States",
    )  # his role in the United States (a gpe) gives his country
    assert (call.actor2, call.actor2_kind, call.actor2_country) == ("Adil Abdul Mahdi", "person", "Iraq")
    assert (call.source_count, call.sources, call.disputed) == (2, "Wire; Daily", True)
    assert call.notes == "Wire: Esper called Mahdi on Sunday. | Daily: Esper called Mahdi on Monday."
    assert math.isnan(call.latitude) and math.isnan(call.fatalities)
    rocket = rows.loc["e1"]
    assert (rocket.location, rocket.location_id, rocket.country, rocket.iso) == (
        "K1 Air Base",
        "place:k1-air-base",
        "Iraq",
        "IQ",
    )
    assert (rocket.latitude, rocket.longitude) == (35.51, 44.28)
    assert (rocket.actor1_kind, rocket.actor2, rocket.actor2_country) == (
        "group",
        "United States",
        "United States",
    )
    attack = rows.loc["e9"]
    # the stores keep participants in id order: actor1 is the first by id, the others associated
    assert (attack.actor1, attack.assoc_actor_1, attack.actor2, attack.assoc_actor_2) == (
        "Kata'ib Hizbollah",
        "Adil Abdul Mahdi",
        "Iraq",
        "United States",
    )
    assert (attack.fatalities, attack.wounded, attack.sub_event_type) == (3, 5, "gun")
    assert (attack.sources, attack.source_urls) == ("Wire, Inc.", "http://a3")
    assert attack.notes == 'Wire, Inc.: Gunmen, said to be "KH", killed 3 and wounded 5.'  # one line
    assert (attack.location, attack.admin1, attack.admin2, attack.geo_precision, attack.country) == (
        "Tal Afar outskirts",
        "Nineveh",
        "Tal Afar",
        "district",
        "Iraq",
    )
    assert math.isnan(attack.latitude) and math.isnan(attack.longitude)  # known place, no coordinates
    warning = table(full, TimelineFilter(types=["statement"]))
    assert warning.empty  # e5, the only statement, is undated


@pytest.mark.parametrize(
    "flt",
    [
        TimelineFilter(start=date(2019, 11, 1), end=date(2019, 12, 20)),
        TimelineFilter(start=date(2019, 11, 1), end=date(2019, 12, 20), match="within"),
        TimelineFilter(types=["meeting", "airstrike"]),
        TimelineFilter(actor=KH),
        TimelineFilter(place="place:baghdad"),
        TimelineFilter(disputed=True),
        TimelineFilter(disputed=False, actor=MAHDI),
    ],
    ids=["window", "within", "types", "actor", "place", "disputed", "undisputed-actor"],
)
def test_every_format_holds_what_the_timeline_lists(full: GraphStore, flt: TimelineFilter) -> None:
    listed = [r.event.id for r in full.timeline(flt, limit=100).rows]
    assert listed, "the filter should select something"
    assert list(table(full, flt).event_id) == listed
    assert [f["id"] for f in json.loads(text(full, "geojson", flt))["features"]] == listed
    assert [json.loads(line)["id"] for line in text(full, "jsonl", flt).splitlines()] == listed
    for name in ("graphml", "gexf"):
        graph = nx.read_graphml(io.StringIO(text(full, name, flt))) if name == "graphml" else _gexf(full, flt)
        events = [n for n, d in graph.nodes(data=True) if d["node_type"] == "event"]
        assert sorted(events) == sorted(listed), name


def _gexf(store: GraphStore, flt: TimelineFilter | None = None) -> Any:
    return nx.read_gexf(io.BytesIO(text(store, "gexf", flt).encode()))


@pytest.mark.parametrize("name", list(FORMATS))
def test_pages_join_into_the_same_export(full: GraphStore, name: str) -> None:
    assert text(full, name, page_size=3) == text(full, name)


def test_geojson_points_are_lon_lat_and_unlocated_events_have_no_geometry(full: GraphStore) -> None:
    collection = json.loads(text(full, "geojson"))
    assert collection["type"] == "FeatureCollection"
    features = {f["id"]: f for f in collection["features"]}
    assert list(features) == DATED
    for f in features.values():
        assert f["type"] == "Feature" and set(f) == {"type", "id", "geometry", "properties"}
        if f["geometry"] is not None:
            point = shape(f["geometry"])
            assert isinstance(point, Point) and point.is_valid
            assert -180 <= point.x <= 180 and -90 <= point.y <= 90
    rocket = shape(features["e1"]["geometry"])
    assert (rocket.x, rocket.y) == (44.28, 35.51)  # RFC 7946: longitude first (K1 lies at 35.51 N, 44.28 E)
    assert features["e1"]["properties"]["place"] == "K1 Air Base"
    assert features["e2"]["geometry"] is None  # no place
    assert features["e9"]["geometry"] is None  # a place without coordinates
    assert (
        features["e9"]["properties"].items()
        >= {"killed": 3, "start": "2019-12-21", "disputed": False}.items()
    )
    assert features["e2"]["properties"]["agents"] == ["Mark Esper"]


def test_graphml_has_actors_events_roles_and_dates(full: GraphStore) -> None:
    g = nx.read_graphml(io.StringIO(text(full, "graphml")), force_multigraph=True)
    assert isinstance(g, nx.MultiDiGraph)
    assert (
        g.nodes[ESPER].items()
        >= {
            "node_type": "actor",
            "kind": "person",
            "label": "Mark Esper",
            "country": "United States",
        }.items()
    )
    assert (
        g.nodes["e2"].items()
        >= {
            "node_type": "event",
            "type": "phone_call",
            "start": "2019-12-15",
            "disputed": True,
        }.items()
    )
    assert g.nodes["e1"]["lat"] == 35.51 and g.nodes["e1"]["lon"] == 44.28
    assert g.nodes["e9"]["killed"] == 3
    assert g.has_edge(ESPER, "e2") and g.has_edge("e2", MAHDI)
    assert (
        g.get_edge_data(ESPER, "e2")["agent"].items() >= {"relation": "agent", "start": "2019-12-15"}.items()
    )
    assert g.get_edge_data(ESPER, US)["affiliation:Secretary of Defense"]["role"] == "Secretary of Defense"
    assert g.has_edge(MAHDI, IRAQ)
    assert "e5" not in g  # undated: not on the timeline


def test_gexf_is_dynamic_with_date_spells_for_gephi(full: GraphStore) -> None:
    raw = text(full, "gexf")
    assert re.search(r'<graph [^>]*mode="dynamic"', raw) and 'timeformat="date"' in raw
    g = _gexf(full)
    assert g.graph["mode"] == "dynamic"
    assert (g.nodes["e3"]["start"], g.nodes["e3"]["end"]) == ("2019-11-20", "2019-11-30")
    assert g.nodes["e3"]["label"] == "resignation"  # no summary: the type
    assert "start" not in g.nodes[ESPER]  # actors have no spell: always shown
    edge = g.get_edge_data(ESPER, "e6")  # a DiGraph: no parallel edges in this network
    assert (edge["start"], edge["end"], edge["relation"]) == ("2019-10-28", "2019-11-03", "agent")
    assert g.nodes[KH]["kind"] == "group"


def test_jsonl_loads_back_into_a_store_that_exports_the_same(full: GraphStore) -> None:
    batch, problems = batch_from_rows(text(full, "jsonl").splitlines(), name="export.jsonl")
    assert problems == []
    copy = MemoryStore()
    copy.upsert(batch)
    for name in ("csv", "geojson", "graphml"):
        assert text(copy, name) == text(full, name), name
    assert {(a.actor, a.org, a.role) for a in batch.affiliations} == {
        (ESPER, US, "Secretary of Defense"),
        (MAHDI, IRAQ, "Prime Minister"),
    }


def test_an_empty_selection_is_a_valid_empty_file(full: GraphStore) -> None:
    none = TimelineFilter(start=date(2030, 1, 1), end=date(2030, 12, 31))
    assert list(pd.read_csv(io.StringIO(text(full, "csv", none))).columns) == list(COLUMNS)
    assert json.loads(text(full, "geojson", none)) == {"type": "FeatureCollection", "features": []}
    assert text(full, "jsonl", none) == ""
    assert nx.read_graphml(io.StringIO(text(full, "graphml", none))).number_of_nodes() == 0
