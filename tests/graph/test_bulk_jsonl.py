"""Bulk export from JSONL (issue 18): the columnar path (eventgraph.bulk_read + graph.bulk_merge, no
Event objects) names exactly the bad lines `eventgraph load` names (graph.export.batch_from_rows) and
writes, byte for byte, the files the Event path it replaced (graph.bulk_csv.BulkGraph, up to commit
8c330b6) wrote for the same awkward input with broken lines mixed in (tests/graph/golden_bulk/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventgraph import bulk_read
from eventgraph import cli as cli_module
from eventgraph.cli import SKIPPED_EXIT, ProblemLog, _read_events, main
from eventgraph.graph import bulk_csv, bulk_fast, bulk_merge, bulk_tellings
from tests.graph.test_bulk_files import awkward_input


def _log(monkeypatch: pytest.MonkeyPatch) -> tuple[ProblemLog, list[str]]:
    """A ProblemLog whose messages (as shown on stderr) are kept."""
    messages: list[str] = []
    monkeypatch.setattr(cli_module.click, "echo", lambda message, **_: messages.append(str(message)))
    return ProblemLog(False), messages


def _load_messages(paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What `eventgraph load` says reading the same files."""
    with monkeypatch.context() as patch:
        log, messages = _log(patch)
        for path in paths:
            _read_events(path, log)
    return messages


def _columnar_path(
    paths: list[Path], out: Path, id_type: str, monkeypatch: pytest.MonkeyPatch, jobs: int = 1
) -> tuple[list[str], bulk_tellings.Read]:
    with monkeypatch.context() as patch:
        log, messages = _log(patch)
        read = bulk_tellings.Read()
        for path in paths:
            bulk_read.read_file(path, read, log.skip, log, jobs=jobs)
    bulk_merge.write(read, out, id_type=id_type)
    return messages, read


def _files(out: Path) -> dict[str, str]:
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}
    files["meta.csv"] = files["meta.csv"].rsplit(",", 1)[0]  # its generation: random on every write
    return files


GOLDEN = Path(__file__).parent / "golden_bulk"


@pytest.mark.parametrize("id_type", bulk_csv.ID_TYPES)
def test_the_columnar_path_writes_the_event_paths_files_and_names_the_same_lines(
    tmp_path: Path, id_type: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = awkward_input(tmp_path)
    monkeypatch.setattr(bulk_read, "BLOCK", 20_000)  # many blocks: those with a broken line go line by line
    want = _load_messages(paths, monkeypatch)
    got, read = _columnar_path(paths, tmp_path / "columns", id_type, monkeypatch)
    assert got == want
    assert sum("skipped:" in m for m in got) == 10 and any("not UTF-8: decoded as cp1252" in m for m in got)
    assert _files(tmp_path / "columns") == _files(GOLDEN / id_type)
    assert read.fast > 250 and read.exact >= 20  # most lines fast; the odd ones line by line


def test_processes_and_small_blocks_give_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = awkward_input(tmp_path)
    _columnar_path(paths, tmp_path / "one", "integer", monkeypatch)  # a block per file: all line by line
    monkeypatch.setattr(bulk_read, "BLOCK", 20_000)  # many blocks: some refused whole, most taken
    _, read = _columnar_path(paths, tmp_path / "two", "integer", monkeypatch, jobs=2)
    assert _files(tmp_path / "two") == _files(tmp_path / "one")
    assert read.fast > 250


def test_the_fast_reader_refuses_what_it_is_not_sure_of() -> None:
    line = b'{"id": "e1", "type": "death", "sources": []}\n'
    assert bulk_fast.sure(line * 3)
    assert not bulk_fast.sure(line + b"\n" + line)  # a blank line
    assert bulk_fast.read_block(line[:-1] + b" " + line, 0) is None  # two objects on a line: 2 rows
    assert not bulk_fast.sure(line.replace(b"death", b"\\ud800"))
    assert not bulk_fast.sure(line.replace(b"death", "d\u00e9ath".encode("latin-1")))
    tables, bad = bulk_fast.read_block(line + line.replace(b"e1", b"e 1"), 0) or ({}, None)
    assert bad is not None and bad.tolist() == [False, True] and tables["events"].num_rows == 1


def test_the_cli_names_bad_lines_and_writes_the_rest(tmp_path: Path) -> None:
    paths = awkward_input(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["bulk-export", *map(str, paths), "--out", str(out)])
    assert result.exit_code == SKIPPED_EXIT, result.output
    assert f"{paths[0]}:" in result.stderr and "skipped: confidence" in result.stderr
    assert json.loads((out / bulk_csv.MANIFEST).read_text())["counts"]["events"] > 300
    strict = CliRunner().invoke(main, ["bulk-export", *map(str, paths), "--out", str(out), "--strict"])
    assert strict.exit_code == 1 and "stopping on the first problem (--strict)" in strict.stderr
