"""`eventgraph load` on broken event JSONL: one line per problem, the rest loaded, --strict all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import invoke, problem_lines, reason_for
from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.gen_synthetic import generate
from eventgraph.cli import SKIPPED_EXIT
from eventgraph.graph.export import batch_from_rows, dumps_rows
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import Batch
from eventgraph.graph.open import STORE_FILE

GOOD = generate(40, seed=7)


def lines_of(batch: Batch) -> list[str]:
    return list(dumps_rows(batch))


def load(tmp_path: Path, *files: Path, strict: bool = False) -> tuple[Result, MemoryStore]:
    data = tmp_path / "data"
    result = invoke(["load", *files, "--store", "memory", "--data", data, *(["--strict"] if strict else [])])
    return result, MemoryStore.open(data / STORE_FILE)


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.jsonl"
    path.write_text("\n".join(lines_of(GOOD)) + "\n", encoding="utf-8")
    return path


def broken_lines() -> list[str]:
    row = json.loads(lines_of(generate(1, seed=3))[0])
    return [
        lines_of(generate(1, seed=3))[0][:40],  # cut off mid-line
        "[1, 2, 3]",
        json.dumps({k: v for k, v in row.items() if k != "sources"}),
        json.dumps(row | {"type": "coup"}),
        json.dumps(row | {"date": "last week"}),
        json.dumps(row | {"date": {"start": "2019-02-30"}}),
        json.dumps(row | {"sources": [{"sentence": "no doc"}]}),
        "\x01\x02garbage",
    ]


def bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each bad event file with (a fragment of) the reason the user must see."""
    files: dict[str, tuple[Path, str]] = {}

    def make(name: str, data: bytes, reason: str) -> None:
        path = tmp_path / name
        path.write_bytes(data)
        files[name] = (path, reason)

    make("empty.jsonl", b"", "skipped: no events (empty file)")
    make("binary.jsonl", bytes(range(256)) * 20, "skipped: binary file")
    make("broken.jsonl", "\n".join(broken_lines()).encode(), "broken.jsonl:1: skipped:")
    big = tmp_path / "big.jsonl"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NUL bytes, no disk used
    files["big.jsonl"] = (big, "skipped: binary file")
    files["missing.jsonl"] = (tmp_path / "missing.jsonl", "skipped: cannot read (No such file or directory)")
    return files


def test_each_bad_file_is_named_and_the_good_one_is_loaded(tmp_path: Path, good_file: Path) -> None:
    bad = bad_files(tmp_path)
    result, store = load(tmp_path, *(p for p, _ in bad.values()), good_file)
    assert result.exit_code == SKIPPED_EXIT, result.output
    for name, (_, reason) in bad.items():
        reason_for(result, name, reason)
    clean = MemoryStore()
    clean.upsert(GOOD)
    assert store.counts() == clean.counts()


def test_every_broken_line_is_reported_with_its_number(tmp_path: Path, good_file: Path) -> None:
    mixed = tmp_path / "mixed.jsonl"
    good = lines_of(generate(3, seed=11))
    broken = broken_lines()
    mixed.write_text("\n".join([good[0], *broken, *good[1:]]) + "\n", encoding="utf-8")
    result, store = load(tmp_path, mixed)
    assert result.exit_code == SKIPPED_EXIT
    reported = [line for line in problem_lines(result) if "mixed.jsonl:" in line]
    assert [line.split(":")[2] for line in reported] == [str(n) for n in range(2, 2 + len(broken))]
    assert all(len(line) < 300 for line in reported)
    assert store.counts().events == 3


def test_legacy_encoded_line_is_decoded_and_noted(tmp_path: Path) -> None:
    batch = generate(2, seed=5)
    batch.actors[0].name = "Café Owners’ Union"
    path = tmp_path / "cp1252.jsonl"
    path.write_bytes("\n".join(lines_of(batch)).encode("cp1252"))
    result, store = load(tmp_path, path)
    assert result.exit_code == 0
    reason_for(result, "cp1252.jsonl:1", "not UTF-8: decoded as cp1252")
    assert "Café Owners’ Union" in {a.name for a in store.actors(limit=1000)}


def test_nothing_loadable_is_a_failure_and_writes_nothing(tmp_path: Path) -> None:
    bad = bad_files(tmp_path)
    result, _ = load(tmp_path, *(p for p, _ in bad.values()))
    assert result.exit_code == 1
    assert "Error: no event could be read from the input" in result.stderr
    assert not (tmp_path / "data" / STORE_FILE).exists()


BAD_NAMES = ["empty.jsonl", "binary.jsonl", "broken.jsonl", "big.jsonl", "missing.jsonl"]


@pytest.mark.parametrize("name", BAD_NAMES)
def test_strict_stops_on_the_first_problem_and_leaves_the_store_untouched(
    tmp_path: Path, good_file: Path, name: str
) -> None:
    load(tmp_path, good_file)
    before = (tmp_path / "data" / STORE_FILE).read_bytes()
    path, reason = bad_files(tmp_path)[name]
    result, _ = load(tmp_path, good_file, path, strict=True)
    assert result.exit_code == 1
    assert "stopping on the first problem (--strict)" in result.stderr
    reason_for(result, name, reason)
    assert (tmp_path / "data" / STORE_FILE).read_bytes() == before


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def _paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        found += [p for k, v in value.items() for p in _paths(v, (*prefix, k))]
    elif isinstance(value, list):
        found += [p for i, v in enumerate(value) for p in _paths(v, (*prefix, i))]
    return found


ROW = json.loads(lines_of(generate(1, seed=3))[0])


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(_paths(ROW)[1:]), JSON)
def test_any_field_set_to_any_json_is_loaded_or_reported(path: tuple[object, ...], value: object) -> None:
    row = json.loads(json.dumps(ROW))
    node = row
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    batch, problems = batch_from_rows([json.dumps(row)], name="f.jsonl")
    assert len(batch.events) + len(problems) == 1
    assert all(p.startswith("f.jsonl:1: skipped: ") and "\n" not in p for p in problems)
