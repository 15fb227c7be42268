"""The bench code runs end to end on tiny sizes (no timings are checked: the machine is shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import bench_api, bench_extract, bench_limits, bench_load, bench_query
from bench.gen_synthetic import EPOCH, actor_ranks, generate
from bench.report import Figure, Section, machine, quantile, versions, write
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.store import TimelineFilter


def test_quantile_is_nearest_rank() -> None:
    assert quantile([3.0, 1.0, 2.0], 0.5) == 2.0
    assert quantile([float(i) for i in range(101)], 0.99) == 99.0
    assert quantile([5.0], 0.99) == 5.0


def test_query_bench_on_the_memory_store() -> None:
    batch = generate(300)
    store, per_100k = bench_query.memory_per_100k(batch)
    figures = bench_query.run(store, batch, rounds=10)
    assert per_100k > 0
    assert [f.name.split(": ", 1)[1] for f in figures] == [c.name for c in bench_query.cases(store, batch)]
    assert all(f.ratio is not None and f.ratio > 0 for f in figures)
    timelines = [f for f in figures if f.name.split(": ", 1)[1].startswith("timeline")]
    assert timelines and all(f.ok is not None for f in timelines)


def test_actor_ranks_are_the_generated_actors() -> None:
    """bench_paths --skip-load names the server's actors from actor_ranks: the seed matters."""
    assert actor_ranks(500, seed=3) == [a.id for a in generate(500, seed=3).actors]
    assert actor_ranks(500, seed=3)[:30] != actor_ranks(500, seed=4)[:30]


def test_scan_matches_the_store_window() -> None:
    batch = generate(500)
    store = MemoryStore()
    store.upsert(batch)
    start, end = EPOCH, EPOCH.replace(month=3)
    ids = [row.event.id for row in store.timeline(TimelineFilter(start, end), limit=40).rows]
    assert bench_query.scan(batch.events, start, end, 40) == ids


def test_corpus_repeats_the_seeds_under_new_ids() -> None:
    raws = bench_extract.corpus(8_000)
    assert sum(len(r.text.split()) for r in raws) >= 8_000
    assert len({r.article.id for r in raws}) == len(raws)


def test_api_bench_serves_and_counts(tmp_path: Path) -> None:
    figures = bench_api.run(200, clients=3, seconds=1.0)
    assert figures[0].ok, figures
    assert figures[0].ratio is not None and figures[0].ratio > 0


def test_results_file_has_every_section(tmp_path: Path) -> None:
    section = Section("Example", notes=["a note"])
    section.add(Figure("thing", "2 /s", "1 /s", 2.0, "> 1", True))
    out = tmp_path / "RESULTS.md"
    write(out, mode="quick", started=0.0, env=machine() + versions(), sections=[section], appendix="## End")
    text = out.read_text()
    assert "| thing | 2 /s | 1 /s | x2.00 | > 1 | yes |" in text
    assert "Python" in text and "CPU" in text and "- a note" in text and text.rstrip().endswith("## End")


@pytest.mark.slow
def test_extract_bench_runs() -> None:
    section = bench_extract.run(300, processes=(1,), rounds=1)
    assert len(section.figures) == 1 and section.figures[0].ratio


@pytest.mark.neo4j
def test_load_bench_on_neo4j() -> None:
    from eventgraph.graph.neo4j_store import Neo4jStore
    from eventgraph.graph.open import open_store

    batch = generate(200)
    store = open_store("neo4j", timeout=60.0)  # the server of NEO4J_URI, as `make test` sets it
    assert isinstance(store, Neo4jStore)
    try:
        naive = bench_load.naive_rate(store, batch, 50)
        rate, cpu = bench_load.real_rate(store, batch)
        assert store.counts().events == 200
        assert cpu is None or 0 < cpu < 1  # CPU seconds per event of the server, when it is ours
        figure = bench_load.figure(store, 200, rate, naive, 50)
        assert figure.ratio == pytest.approx(rate / naive)
    finally:
        store.clear()
        store.close()


def test_speed_limits_once_in_tests_are_measured() -> None:
    section = bench_limits.run(words=3_000, blank=2_000, call_seconds=0.2)
    assert len(section.figures) == 6
    assert all(f.target and f.ok is not None for f in section.figures)
