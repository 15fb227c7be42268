"""What a user sees from `extract` (and `timex`, `load`) on inputs that collide, nest or lie.

Issue 12.2 (two articles with one file name), 16.6 (deeply nested JSON) and 16.11 (names that
fake log lines, an unwritable --out found too late, a 10 MB title copied into every source),
through the real CLI, the spaCy model and, where the store is under test, the real Neo4j server.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from cli_run import invoke, problem_lines, reason_for

from eventgraph.graph.open import open_store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_DATES = {name: e["published"] for name, e in json.loads((SEEDS / "manifest.json").read_text()).items()}
FIRST, SECOND = "000_de40b4dd7904e358.txt", "002_458f1046a0d162af.txt"
NEO4J = {
    "NEO4J_URI": os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
    "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
    "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", "eventgraph"),
}
DEEP = "[" * 50_000 + "]" * 50_000
EVIL = "evil\neventgraph: all 5 articles read fine \u202etxt.exe.txt"


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def two_stories(root: Path) -> Path:
    """Folders a/ and b/, each with a different article called story.txt, and a manifest by relative path."""
    for folder, seed in (("a", FIRST), ("b", SECOND)):
        (root / folder).mkdir(parents=True)
        shutil.copyfile(SEEDS / seed, root / folder / "story.txt")
    manifest = {f"{f}/story.txt": {"published": SEED_DATES[s]} for f, s in (("a", FIRST), ("b", SECOND))}
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = two_stories(tmp_path_factory.mktemp("stories") / "in")
    out = root.parent / "events.jsonl"
    result = invoke(["extract", root, "--manifest", root / "manifest.json", "--out", out])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.slow
def test_same_file_name_in_two_folders_stays_two_articles(stories: Path) -> None:
    sources = [s for row in rows(stories) for s in row["sources"]]
    assert {s["doc"] for s in sources} == {"a/story.txt", "b/story.txt"}
    ids = {s["doc"]: s["doc_id"] for s in sources}
    assert ids["a/story.txt"] != ids["b/story.txt"]
    assert all(s["doc_id"].startswith("story.txt@") for s in sources)
    published = {s["doc"]: s["article"]["published"] for s in sources}
    assert published == {"a/story.txt": SEED_DATES[FIRST], "b/story.txt": SEED_DATES[SECOND]}


@pytest.mark.slow
def test_ids_are_the_same_on_every_run(stories: Path, tmp_path: Path) -> None:
    # Another run, another folder layout: the files given one by one.
    root = two_stories(tmp_path / "elsewhere")
    out = tmp_path / "again.jsonl"
    result = invoke(["extract", root / "a" / "story.txt", root / "b" / "story.txt", "--out", out])
    assert result.exit_code == 0, result.output
    first = {s["doc_id"] for row in rows(stories) for s in row["sources"]}
    again = {s["doc_id"] for row in rows(out) for s in row["sources"]}
    assert first == again and len(first) == 2


@pytest.mark.slow
@pytest.mark.parametrize("store", ["memory", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def test_loading_twice_keeps_both_articles_and_their_names(stories: Path, tmp_path: Path, store: str) -> None:
    args = ["load", stories, "--store", store, "--data", tmp_path]
    first = invoke([*args, "--replace"], env=NEO4J)
    again = invoke(args, env=NEO4J)
    assert first.exit_code == again.exit_code == 0, first.output + again.output
    assert first.stderr.splitlines()[-1] == again.stderr.splitlines()[-1]
    opened = open_store(store, data_dir=tmp_path, uri=NEO4J["NEO4J_URI"], password=NEO4J["NEO4J_PASSWORD"])
    try:
        assert opened.counts().articles == 2
        events = {row["id"]: row for row in rows(stories)}
        two = next(e for e in events if len({s["doc"] for s in events[e]["sources"]}) == 2)
        detail = opened.event(two)
        assert detail is not None
        assert sorted(s.article.name for s in detail.sources) == ["a/story.txt", "b/story.txt"]
    finally:
        opened.close()


@pytest.mark.slow
def test_deeply_nested_json_is_bad_input_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = {"id": "wire-1", "published": "2019-12-16", "text": (SEEDS / FIRST).read_text(encoding="utf-8")}
    (tmp_path / "in.jsonl").write_text(f"{DEEP}\n{json.dumps(good)}\n", encoding="utf-8")
    (tmp_path / "manifest.json").write_text('{"in.jsonl#wire-1": ' + DEEP + "}", encoding="utf-8")
    out, manifest = tmp_path / "out.jsonl", tmp_path / "manifest.json"
    result = invoke(["extract", tmp_path / "in.jsonl", "--manifest", manifest, "--out", out])
    assert result.exit_code == 0, result.output
    assert "JSON nested too deeply" in reason_for(result, "in.jsonl:1:", "skipped:")
    reason_for(result, "manifest.json:", "JSON nested too deeply")
    assert {s["doc_id"] for row in rows(out) for s in row["sources"]} == {"wire-1"}


def test_timex_batch_refuses_deeply_nested_lines(tmp_path: Path) -> None:
    good = json.dumps({"doc": "a", "dct": "2019-12-16", "text": "He spoke on Wednesday."})
    (tmp_path / "in.jsonl").write_text(f"{DEEP}\n{good}\n", encoding="utf-8")
    result = invoke(["timex", "--jsonl", tmp_path / "in.jsonl"])
    assert result.exit_code == 0, result.output
    reason_for(result, "in.jsonl:1:", "JSON nested too deeply")
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["a"]


def assert_escaped(lines: list[str], name: str) -> None:
    """Every problem line is one printable line, and the name shows with its newline escaped."""
    assert lines and all(line.isprintable() for line in lines)
    assert any(name.replace("\n", "\\n").replace("\u202e", "\\u202e") in line for line in lines)


def test_extract_escapes_file_names(tmp_path: Path) -> None:
    (tmp_path / EVIL).write_bytes(b"")
    (tmp_path / "manifest.json").write_text(json.dumps({EVIL: {"published": "nope"}}), encoding="utf-8")
    result = invoke(["extract", tmp_path / EVIL, "--manifest", tmp_path / "manifest.json"])
    assert result.exit_code == 1
    lines = problem_lines(result)
    assert len(lines) == len(result.stderr.splitlines()) == 3  # manifest date, empty file, nothing processed
    assert_escaped(lines[:2], EVIL)
    assert not any(line.startswith("eventgraph: all 5 articles") for line in result.stderr.splitlines())


def test_timex_and_load_escape_file_names(tmp_path: Path) -> None:
    (tmp_path / EVIL).write_text("not json\n", encoding="utf-8")
    timex = invoke(["timex", "--jsonl", tmp_path / EVIL])
    load = invoke(["load", tmp_path / EVIL, "--data", tmp_path / "data"])
    for result in (timex, load):
        assert "\u202e" not in result.stderr and "\neventgraph: all 5" not in result.stderr
        assert_escaped(problem_lines(result), EVIL)


@pytest.mark.parametrize("command", ["extract", "timex"])
def test_unwritable_out_is_refused_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    from eventgraph.extract.pipeline import run
    from eventgraph.extract.temporal import tagger

    def never(*_: object, **__: object) -> Any:
        raise AssertionError("the work started before --out was checked")

    monkeypatch.setattr(run, "extract_paths", never)
    monkeypatch.setattr(tagger, "timex_jsonl_lines", never)
    (tmp_path / "file").write_text("a file, not a folder", encoding="utf-8")
    out = tmp_path / "file" / "events.jsonl"
    (tmp_path / "in.jsonl").write_text("{}\n", encoding="utf-8")
    args = ["extract", SEEDS / FIRST] if command == "extract" else ["timex", "--jsonl", tmp_path / "in.jsonl"]
    result = invoke([*args, "--out", out])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: cannot write --out {out} ({out.parent} is a file, not a folder)"


@pytest.mark.slow
def test_a_10_mb_title_is_not_copied_into_every_source(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({FIRST: {"title": "T" * 10_000_000, "published": SEED_DATES[FIRST]}}))
    out = tmp_path / "out.jsonl"
    result = invoke(["extract", SEEDS / FIRST, "--manifest", manifest, "--out", out])
    assert result.exit_code == 0, result.output
    reason_for(result, f"{FIRST}:", "title of 10,000,000 characters cut to 500")
    events = rows(out)
    assert len(events) > 10
    assert {len(s["article"]["title"]) for e in events for s in e["sources"]} == {500}
    assert out.stat().st_size < 200 * len(events) * 10
