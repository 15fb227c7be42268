"""Bulk export from JSONL (issue 18): the columnar path (eventgraph.bulk_read + graph.bulk_merge, no Event
objects) writes exactly the files of the Event path (graph.export.batch_from_rows + bulk_csv.BulkGraph)
and names exactly the same bad lines, on awkward input with broken lines mixed in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventgraph import bulk_read
from eventgraph import cli as cli_module
from eventgraph.cli import SKIPPED_EXIT, ProblemLog, _read_events, main
from eventgraph.graph import bulk_csv, bulk_fast, bulk_merge, bulk_tellings
from eventgraph.graph.export import dumps_rows
from tests.graph.test_bulk_files import awkward_batches


def _inputs(tmp_path: Path) -> list[Path]:
    """The awkward batches as two files, with lines the fast reader refuses or flags mixed in: broken
    ones (named and skipped) and valid ones it is not sure of (read by the exact path)."""
    first, second = (list(dumps_rows(b)) for b in awkward_batches())
    odd: list[str | bytes] = []
    e = json.loads(first[5])
    odd.append(json.dumps({**e, "confidence": 2}))  # out of range
    odd.append(json.dumps({**e, "location": {**e["location"], "lat": "abc"}}) if e["location"] else "{")
    odd.append(json.dumps({**e, "id": "bad id"}))  # not an id the API can fetch
    odd.append(json.dumps({**e, "type": "picnic"}))
    odd.append(json.dumps({**e, "date": {"start": "2020-02-03", "end": "2020-02-01"}}))
    odd.append(json.dumps({**e, "date": {"start": "2020-02-30"}}))
    odd.append('{"id": "x", "type": "death", "sources": [')  # not JSON
    odd.append("")  # blank: skipped silently
    odd.append(json.dumps({**e, "sources": None}))
    odd.append(json.dumps({**e, "agents": [{"id": "person:ok", "name": None}]}))
    odd.append(json.dumps({**e, "id": "evt_new_1", "extra": {"any": [1, 2]}}))  # unknown key: valid
    odd.append(json.dumps({**e, "id": "evt_new_2", "attributes": {"count": 2.5, "weapon": "knife"}}))
    odd.append(
        json.dumps({**e, "id": "evt_new_3", "confidence": 1, "summary": "caf\u00e9"}, ensure_ascii=True)
    )
    odd.append(
        json.dumps({**e, "id": "evt_new_4", "location": {"id": "p:int", "name": "Int", "lat": 10, "lon": 20}})
    )
    odd.append('{"id": "evt_new_5", "id": "evt_new_6", "type": "death", "sources": []}')  # the last key wins
    odd.append(json.dumps({**e, "id": "evt_new_7", "summary": "\ud83d\ude00 emoji"}))  # escaped pair
    odd.append(json.dumps({**e, "id": "evt_new_8"}) + "\r")  # CRLF
    odd.append(json.dumps({**e, "id": "evt_new_9", "agents": [*e["agents"], *e["agents"]]}))
    odd.append(json.dumps({**e, "id": "evt_new_10", "summary": "x" * 100_001}))  # too long
    odd.append(
        json.dumps({**e, "id": "evt_new_11", "summary": "Caf\u00e9"}, ensure_ascii=False).encode("cp1252")
    )
    one, two = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    with one.open("wb") as fh:
        for k, line in enumerate(first):
            fh.write(line.encode() + b"\n")
            if k % 37 == 0 and odd:
                item = odd.pop(0)
                fh.write((item if isinstance(item, bytes) else item.encode()) + b"\n")
        for item in odd:
            fh.write((item if isinstance(item, bytes) else item.encode()) + b"\n")
    two.write_text("\n".join(second), encoding="utf-8")  # no newline at the end
    return [one, two]


def _log(monkeypatch: pytest.MonkeyPatch) -> tuple[ProblemLog, list[str]]:
    """A ProblemLog whose messages (as shown on stderr) are kept."""
    messages: list[str] = []
    monkeypatch.setattr(cli_module.click, "echo", lambda message, **_: messages.append(str(message)))
    return ProblemLog(False), messages


def _event_path(paths: list[Path], out: Path, id_type: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    with monkeypatch.context() as patch:
        log, messages = _log(patch)
        graph = bulk_csv.BulkGraph()
        for path in paths:
            batch = _read_events(path, log)
            if batch is not None:
                graph.add(batch)
    bulk_csv.write(graph, out, jobs=1, id_type=id_type)
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


@pytest.mark.parametrize("id_type", bulk_csv.ID_TYPES)
def test_the_columnar_path_writes_the_event_paths_files(
    tmp_path: Path, id_type: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _inputs(tmp_path)
    monkeypatch.setattr(bulk_read, "BLOCK", 20_000)  # many blocks: those with a broken line go line by line
    want = _event_path(paths, tmp_path / "events", id_type, monkeypatch)
    got, read = _columnar_path(paths, tmp_path / "columns", id_type, monkeypatch)
    assert got == want
    assert sum("skipped:" in m for m in got) == 10 and any("not UTF-8: decoded as cp1252" in m for m in got)
    assert _files(tmp_path / "columns") == _files(tmp_path / "events")
    assert read.fast > 250 and read.exact >= 20  # most lines fast; the odd ones line by line


def test_processes_and_small_blocks_give_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _inputs(tmp_path)
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
    paths = _inputs(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["bulk-export", *map(str, paths), "--out", str(out)])
    assert result.exit_code == SKIPPED_EXIT, result.output
    assert f"{paths[0]}:" in result.stderr and "skipped: confidence" in result.stderr
    assert json.loads((out / bulk_csv.MANIFEST).read_text())["counts"]["events"] > 300
    strict = CliRunner().invoke(main, ["bulk-export", *map(str, paths), "--out", str(out), "--strict"])
    assert strict.exit_code == 1 and "stopping on the first problem (--strict)" in strict.stderr
