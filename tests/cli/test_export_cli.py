"""`eventgraph export`: the same selection as the API from the command line, into a file or stdout."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from eventgraph.graph.export import dumps_rows
from tests.factories import ESPER, neo4j_store, seed_batch
from tests.reliability.cli_run import invoke


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An embedded store of the seed-like batch, loaded by the real `load` command."""
    folder = tmp_path_factory.mktemp("store")
    events = folder / "events.jsonl"
    events.write_text("".join(line + "\n" for line in dumps_rows(seed_batch())), encoding="utf-8")
    result = invoke(["load", events, "--data", folder / "data"])
    assert result.exit_code == 0, result.output
    return folder / "data"


def test_csv_to_stdout_with_the_timelines_filters(data: Path) -> None:
    result = invoke(["export", "--format", "csv", "--data", data, "--actor", "esper", "--undisputed"])
    assert result.exit_code == 0, result.stderr
    table = pd.read_csv(io.StringIO(result.stdout))
    assert list(table.event_id) == ["evt_old", "evt_warn"]  # Esper's undisputed dated events, in date order
    assert set(table.actor1_id) == {ESPER}
    assert result.stderr.strip() == "exported 2 events as csv"


def test_the_format_comes_from_the_out_suffix(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "net" / "esper.gexf"
    result = invoke(["export", "--out", out, "--data", data, "--when", "between Oct 28 and Dec 16"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.strip() == f"exported 4 events as gexf to {out}"
    graph = nx.read_gexf(out)
    assert sorted(n for n, d in graph.nodes(data=True) if d["node_type"] == "event") == [
        "evt_call",
        "evt_protest",
        "evt_resign",
        "evt_warn",  # late October 2019: it may fall in the window
    ]
    assert not list(out.parent.glob("*.tmp"))


def test_geojson_with_type_and_window(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.json"
    args = ["export", "--format", "geojson", "--out", out, "--data", data, "--start", "2019-12-01"]
    result = invoke([*args, "--type", "rocket_attack", "--type", "airstrike"])
    assert result.exit_code == 0, result.stderr
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert [(f["id"], f["geometry"]) for f in features] == [
        ("evt_rocket", {"type": "Point", "coordinates": [44.39, 35.47]}),
        ("evt_strike", None),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv", "--actor", "Esperr Markk Zzz"], "no actor matches 'Esperr Markk Zzz'"),
        (["--format", "csv", "--place", "Atlantis"], "no place matches 'Atlantis'"),
        (
            ["--format", "csv", "--when", "sometime soonish"],
            "cannot read a date range from 'sometime soonish'",
        ),
        (
            ["--format", "csv", "--start", "2019-12-02", "--end", "2019-12-01"],
            "ends (2019-12-01) before it starts",
        ),
        (["--out", "events.txt"], "give --format (csv|geojson|graphml|gexf|jsonl)"),
        (["--format", "pdf"], "'pdf' is not one of 'csv', 'geojson'"),
    ],
)
def test_bad_filters_are_usage_errors_naming_the_value(data: Path, args: list[str], message: str) -> None:
    result = invoke(["export", "--data", data, *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_an_unknown_actor_lists_the_closest_names(data: Path) -> None:
    result = invoke(["export", "--format", "csv", "--data", data, "--actor", "Mark Espar Jr"])
    assert "closest: Mark Esper" in result.stderr and "/actors" not in result.stderr
    place = invoke(["export", "--format", "csv", "--data", data, "--place", "Kirkukk City"])
    assert (
        "no place matches 'Kirkukk City' (closest: Kirkuk" in place.stderr and "/places" not in place.stderr
    )


def test_a_missing_store_is_one_line(tmp_path: Path) -> None:
    result = invoke(["export", "--format", "csv", "--data", tmp_path / "nothing"])
    assert result.exit_code == 1
    assert "holds no store" in result.stderr


@pytest.mark.neo4j
def test_the_neo4j_store_exports_the_same_file(data: Path, tmp_path: Path) -> None:
    store = neo4j_store()
    store.clear()
    store.upsert(seed_batch())
    store.close()
    memory = invoke(["export", "--format", "jsonl", "--data", data])
    neo4j = invoke(["export", "--format", "jsonl", "--store", "neo4j"])
    assert neo4j.exit_code == 0, neo4j.stderr
    assert neo4j.stdout == memory.stdout and neo4j.stdout.count("\n") == 8
