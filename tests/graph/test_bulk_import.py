"""The bulk path (issue 18): `eventgraph bulk-export` files imported by neo4j-admin into a fresh
database of a second, private server give the graph `eventgraph load` builds, and it answers the
store contract tests like a loaded one."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bench import neo4j_server
from bench.gen_synthetic import generate
from eventgraph import bulk_read
from eventgraph.cli import main
from eventgraph.graph import bulk_csv, bulk_import, bulk_merge, bulk_tellings
from eventgraph.graph.errors import StoreError
from eventgraph.graph.export import dumps_rows
from eventgraph.graph.model import Batch
from eventgraph.graph.neo4j_store import Neo4jStore
from eventgraph.graph.store import GraphStore
from tests.factories import NEO4J_PASSWORD, neo4j_store, small_batch
from tests.graph.test_bulk_files import export_batches

# The contract tests that only read: run here against the imported graph (the `store` fixture below).
from tests.graph.test_store_contract import (  # noqa: F401
    test_actor_detail_has_affiliations_and_interactions,
    test_actor_search_is_alias_aware_and_fuzzy,
    test_actor_search_misses_and_empty,
    test_bad_cursor_is_refused,
    test_cursor_paging_walks_the_whole_timeline,
    test_event_detail_lists_every_source_with_its_own_date,
    test_path_hops_name_actors_and_unknowns_give_nothing,
    test_paths_shortest_first_and_time_ordered,
    test_places_counts_span_ping,
    test_timeline_row_has_participants_place_and_sources,
    test_timeline_window_and_filters,
)

pytestmark = pytest.mark.neo4j
LIB = neo4j_server.ROOT / ".neo4j" / "lib"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[neo4j_server.PrivateServer]:
    """A private server whose database was bulk-imported from small_batch's event lines before its
    first start. The JSONL the bulk export reads carries nodes only through events, so what
    small_batch holds beside them (an actor in no event, place kinds) is then loaded on top, as a
    user would with `eventgraph load`: the contract tests read the imported graph plus that."""
    home = tmp_path_factory.mktemp("bulk-home")
    files = tmp_path_factory.mktemp("bulk-files") / "files"
    export_batches([small_batch()], files)
    bulk_import.run_import(files, home, lib=LIB, settings=bulk_import.ImportSettings(threads=1, heap="256m"))
    srv = neo4j_server.private_server(home, PASSWORD=NEO4J_PASSWORD, HEAP="384m", PAGECACHE="64m")
    srv.script("up")
    try:
        store = Neo4jStore(srv.uri, "neo4j", srv.password, timeout=20.0)
        assert store.counts().events == len(small_batch().events)  # imported
        store.upsert(small_batch())
        store.close()
        yield srv
    finally:
        srv.script("down")


@pytest.fixture
def store(server: neo4j_server.PrivateServer) -> Iterator[GraphStore]:
    """The imported graph, as the contract tests' `store` (they only read it)."""
    imported = Neo4jStore(server.uri, "neo4j", server.password, timeout=20.0)
    try:
        yield imported
    finally:
        imported.close()


def _known(props: dict[str, Any]) -> dict[str, Any]:
    """Properties without the Meta node's generation, a fresh random id on every write; its
    presence is what counts."""
    return {k: (v is not None) if k == "generation" else v for k, v in props.items()}


def _dump(store: Neo4jStore) -> tuple[list[Any], list[Any]]:
    nodes = [(r["id"], sorted(r["labels"]), _known(r["props"])) for r in store.read("admin/dump_nodes")]
    rels = sorted(
        (r["start"], r["type"], r["end"], sorted(r["props"].items()))
        for r in store.read("admin/dump_relationships")
    )
    return nodes, rels


def test_the_imported_graph_has_the_loaded_graphs_schema_and_format(store: GraphStore) -> None:
    assert isinstance(store, Neo4jStore)
    loaded = neo4j_store()
    assert isinstance(loaded, Neo4jStore)
    try:
        assert store.read("admin/show_schema") == loaded.read(
            "admin/show_schema"
        )  # made at the first connection
        assert store.read("store_version") == [{"version": 3, "events": True}]
    finally:
        loaded.close()


def _awkward_input(tmp_path: Path) -> list[Path]:
    """Two files: a synthetic graph, then retellings (changed properties, a moved place, new aliases,
    new sources) and events whose text needs quoting: commas, quotes, line breaks, empty strings."""
    base = generate(1200, seed=21)
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(dumps_rows(base)) + "\n", encoding="utf-8")
    retold = []
    for i, e in enumerate(base.events[:150]):
        attributes: dict[str, Any] = {
            0: {"killed": 3, "casualties": {"wounded": 2, "who": 'guards, "elite"'}},
            1: {"told_to": ["AFP", "Reuters"], "quote": 'He said: "no"\nand left.'},
            2: {"date_claims": [{"doc": "x", "date_text": "Sunday"}], "count": 12, "aggregate": True},
        }.get(i % 4, {})
        retold.append(
            dataclasses.replace(
                e,
                type="protest" if i % 5 == 0 else e.type,
                summary="" if i % 7 == 0 else f'{e.summary}, "retold"\r\nline two',
                attributes=attributes,
                place=base.places[i % len(base.places)].id if i % 3 == 0 else None,
                sources=[dataclasses.replace(s, sentence=s.sentence + ' "quoted"\n') for s in e.sources[:1]],
            )
        )
    actors = [
        dataclasses.replace(a, name=a.name + " Jr", aliases=[*a.aliases, "x, y"]) for a in base.actors[:40]
    ]
    second = tmp_path / "second.jsonl"
    rows = dumps_rows(Batch(base.articles, retold, actors + base.actors[40:], base.places, base.affiliations))
    second.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return [first, second]


def test_bulk_export_and_import_give_the_graph_load_builds(
    server: neo4j_server.PrivateServer, tmp_path: Path
) -> None:
    """Last in this module: it replaces the imported database."""
    inputs = _awkward_input(tmp_path)
    loaded = CliRunner().invoke(main, ["load", *map(str, inputs), "--store", "neo4j", "--replace"])
    assert loaded.exit_code == 0, loaded.output
    server.script("down")
    files = tmp_path / "files"
    args = ["bulk-export", *map(str, inputs), "--out", str(files), "--import-into", str(server.home)]
    exported = CliRunner().invoke(main, [*args, "--neo4j-lib", str(LIB), "--threads", "1"])
    assert exported.exit_code == 0, exported.output
    assert "wrote 1200 events" in exported.stderr and "imported into database 'neo4j'" in exported.stderr
    server.script("up")
    imported = Neo4jStore(server.uri, "neo4j", server.password, timeout=60.0)
    reference = neo4j_store()
    assert isinstance(reference, Neo4jStore)
    try:
        got, want = _dump(imported), _dump(reference)
        assert len(got[0]) == len(want[0]) and len(got[1]) == len(want[1])
        assert got == want
        assert imported.counts() == reference.counts()
        for query in ("adil", "x, y", "Jr"):
            assert imported.actors(query) == reference.actors(query)
    finally:
        imported.close()
        reference.close()


def test_bad_input_to_the_bulk_files_is_named(tmp_path: Path) -> None:
    batch = small_batch()
    batch.actors[0].aliases.append("split\x1fhere")
    with pytest.raises(ValueError, match=r"^actor person:mark-esper: holds the unit separator"):
        export_batches([batch], tmp_path / "out")
    with pytest.raises(
        StoreError,
        match=r"nothing/articles\.csv is missing: write the files with `eventgraph bulk-export` first$",
    ):
        bulk_import.run_import(tmp_path / "nothing", tmp_path, lib=LIB)
    assert json.loads(json.dumps(bulk_import.command(tmp_path, "neo4j", LIB)))[5:9] == [
        "database", "import", "full", "neo4j",
    ]  # fmt: skip


def _files(tmp_path: Path, batch: Batch, jobs: int) -> dict[str, str]:
    out = tmp_path / f"jobs{jobs}"
    export_batches([batch], out, jobs=jobs)
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir()) if p.name != "meta.csv"}


def test_the_files_are_the_same_read_in_one_process_or_two(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_read, "BLOCK", 200_000)  # several blocks for the two reader processes
    batch = generate(3000, seed=5)
    one, two = _files(tmp_path, batch, 1), _files(tmp_path, batch, 2)
    assert one == two
    assert one["agent_of.csv"].splitlines()[0] == ":START_ID(Actor),:END_ID(Event),actor,key:date,event"
    assert json.loads(one[bulk_csv.MANIFEST])["counts"]["events"] == 3000


def test_only_files_with_line_breaks_are_read_as_multiline(tmp_path: Path) -> None:
    """The tool reads a multiline file with one thread: the manifest names only the files that
    hold a line break, and the command passes exactly those."""
    batch = generate(300, seed=6)
    plain = tmp_path / "plain"
    export_batches([batch], plain)
    assert json.loads((plain / bulk_csv.MANIFEST).read_text())["multiline"] == []
    assert not any(w.startswith("--multiline") for w in bulk_import.command(plain, "neo4j", LIB))

    e = batch.events[7]
    batch.events[7] = dataclasses.replace(
        e, summary="two\nlines", sources=[dataclasses.replace(s, sentence="a\rb") for s in e.sources]
    )
    broken = tmp_path / "broken"
    export_batches([batch], broken)
    assert json.loads((broken / bulk_csv.MANIFEST).read_text())["multiline"] == ["events", "reports"]
    cmd = bulk_import.command(broken, "neo4j", LIB)
    assert f"--multiline-fields={broken}/events.csv,{broken}/reports.csv" in cmd
    assert "--multiline-fields-format=v2" in cmd
    every = bulk_import.command(broken, "neo4j", LIB, bulk_import.ImportSettings(multiline_fields=True))
    assert f"--multiline-fields={','.join(f'{broken}/{n}.csv' for n in bulk_csv.TEXT_FILES)}" in every


def test_the_id_type_of_the_files_goes_to_the_tool(tmp_path: Path) -> None:
    """Integer node ids by default (the string id stays a property); string ids on request, and the
    command follows the manifest."""
    export_batches([small_batch()], tmp_path / "int")
    export_batches([small_batch()], tmp_path / "str", id_type="string")
    first = json.loads(next(dumps_rows(small_batch())))["agents"][0]["id"]  # the first actor named
    ints = (tmp_path / "int" / "actors.csv").read_text().splitlines()
    strs = (tmp_path / "str" / "actors.csv").read_text().splitlines()
    assert ints[0].startswith(":ID(Actor),id,") and ints[1].startswith(f'0,"{first}",')
    assert strs[1].startswith(f'"{first}","{first}",')
    assert "--id-type=integer" in bulk_import.command(tmp_path / "int", "neo4j", LIB)
    assert "--id-type=string" in bulk_import.command(tmp_path / "str", "neo4j", LIB)
    with pytest.raises(ValueError, match=r"^id type 'actual': expected one of integer, string$"):
        bulk_merge.write(bulk_tellings.Read(), tmp_path / "bad", id_type="actual")
