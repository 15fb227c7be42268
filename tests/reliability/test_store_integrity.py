"""The embedded store file says when it is damaged, outdated or missing, and `load --replace` rebuilds it
(issues 16.3, 16.11); one writer at a time per data folder (16.2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import invoke

from bench.gen_synthetic import generate
from eventgraph.graph.export import dumps_rows
from eventgraph.graph.lock import exclusive
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.open import LOCK_FILE, STORE_FILE
from eventgraph.graph.version import REBUILD

ROOT = Path(__file__).resolve().parents[2]
BATCH = generate(40, seed=21)
REPLACE_ADVICE = "eventgraph load EVENTS.jsonl --replace"


@pytest.fixture
def events(tmp_path: Path) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(dumps_rows(BATCH)) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def data(tmp_path: Path, events: Path) -> Path:
    folder = tmp_path / "data"
    assert invoke(["load", events, "--store", "memory", "--data", folder]).exit_code == 0
    return folder


def stats(data: Path) -> tuple[int, str]:
    result = invoke(["stats", "--store", "memory", "--data", data])
    return result.exit_code, result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""


def replace(data: Path, events: Path) -> int:
    result = invoke(["load", events, "--replace", "--store", "memory", "--data", data])
    assert result.exit_code == 0, result.output
    return MemoryStore.open(data / STORE_FILE).counts().events


def test_deleted_event_lines_are_found_and_named(data: Path, events: Path) -> None:
    """Deleting lines used to drop those events without a word."""
    path = data / STORE_FILE
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:5] + lines[8:]))
    code, line = stats(data)
    assert code == 1
    assert line == (
        f"Error: {path} is damaged: it holds 37 event lines where 40 were written: "
        f"rebuild it from your event files: {REPLACE_ADVICE}"
    )
    assert replace(data, events) == 40


def test_a_changed_line_is_found(data: Path) -> None:
    path = data / STORE_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"confidence": 0.', '"confidence": 1.', 1), encoding="utf-8")
    code, line = stats(data)
    assert code == 1 and "was changed after eventgraph wrote it (its checksum does not match)" in line


def test_a_truncated_store_is_reported_and_replace_rebuilds_it(data: Path, events: Path) -> None:
    """The advice (load --replace) used to fail too, because it read the old store first."""
    path = data / STORE_FILE
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])
    code, line = stats(data)
    assert code == 1 and f"{path} is truncated" in line and REPLACE_ADVICE in line
    merged = invoke(["load", events, "--store", "memory", "--data", data])
    assert merged.exit_code == 1 and "is truncated" in merged.stderr
    assert replace(data, events) == 40
    assert stats(data)[0] == 0


def test_a_non_utf8_byte_is_named_not_an_unexpected_error(data: Path, events: Path) -> None:
    path = data / STORE_FILE
    lines = path.read_bytes().splitlines(keepends=True)
    lines[3] = lines[3].replace(b'"summary": "', b'"summary": "\xff', 1)
    path.write_bytes(b"".join(lines))
    code, line = stats(data)
    assert code == 1
    assert line.startswith(f"Error: {path} was changed after eventgraph wrote it (line 4 is not UTF-8 text)")
    assert replace(data, events) == 40


def test_a_folder_in_place_of_the_store_is_named(tmp_path: Path, events: Path) -> None:
    data = tmp_path / "data"
    (data / STORE_FILE).mkdir(parents=True)
    code, line = stats(data)
    assert code == 1 and line.startswith(
        f"Error: {data / STORE_FILE} is a folder, not a store file: move it away"
    )
    result = invoke(["load", events, "--replace", "--store", "memory", "--data", data])
    assert result.exit_code == 1 and "is a folder, not a store file: move it away" in result.stderr
    (data / STORE_FILE).rmdir()
    assert replace(data, events) == 40


def test_a_store_of_the_previous_release_is_refused_and_replace_rebuilds_it(data: Path, events: Path) -> None:
    """Article ids changed (issue 12.2): an old store must be rebuilt from the articles, not merged into."""
    path = data / STORE_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(['{"eventgraph": "memory-store", "version": 1}', *lines[1:-1]]) + "\n")
    code, line = stats(data)
    assert code == 1
    assert line == (
        f"Error: {path} was written by an older eventgraph (store format 1; this one reads 2): "
        f"rebuild it: {REBUILD}"
    )
    merged = invoke(["load", events, "--store", "memory", "--data", data])
    assert merged.exit_code == 1 and "older eventgraph" in merged.stderr
    assert replace(data, events) == 40


def test_temporary_files_of_killed_saves_are_removed_by_the_next_writer(data: Path, events: Path) -> None:
    orphan = data / f".{STORE_FILE}.99999.tmp"
    orphan.write_text('{"eventgraph": "memory-store"}\n{"half a li')
    result = invoke(["load", events, "--store", "memory", "--data", data])
    assert result.exit_code == 0
    assert "removed 1 temporary file(s) that an interrupted save left" in result.stderr
    assert sorted(p.name for p in data.iterdir()) == [STORE_FILE, LOCK_FILE]


def test_serve_and_stats_on_a_folder_without_a_store_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """16.11: a typo in EVENTGRAPH_DATA used to serve an empty store."""
    import uvicorn

    served: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: served.append(args))
    typo = tmp_path / "dtaa"
    for command in ("serve", "stats"):
        result = invoke([command, "--store", "memory"], env={"EVENTGRAPH_DATA": str(typo)})
        assert result.exit_code == 1
        assert result.stderr.strip().splitlines()[-1] == (
            f"Error: {typo} holds no store (no {STORE_FILE}): check --data / EVENTGRAPH_DATA, "
            "or create one with: eventgraph load EVENTS.jsonl"
        )
    assert served == [] and not typo.exists()


def _load_process(events: Path, data: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "eventgraph.cli",
            "load",
            str(events),
            "--store",
            "memory",
            "--data",
            str(data),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_loads_at_once_lose_no_event(tmp_path: Path) -> None:
    """16.2: two loads of 3,000 events into one folder both said success, and one's events were lost."""
    files = []
    for n in (1, 2):
        batch = generate(3000, seed=n)
        for event in batch.events:
            event.id = event.id.replace("evt_", f"evt_{n}_")
        files.append(tmp_path / f"part{n}.jsonl")
        files[-1].write_text("\n".join(dumps_rows(batch)) + "\n", encoding="utf-8")
    data = tmp_path / "data"
    loads = [_load_process(f, data) for f in files]
    for process in loads:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    assert MemoryStore.open(data / STORE_FILE).counts().events == 6000


def test_a_second_writer_waits_for_the_first_and_says_so(data: Path, events: Path, tmp_path: Path) -> None:
    more = generate(10, seed=22)
    for event in more.events:
        event.id = event.id.replace("evt_", "evt_more_")
    extra = tmp_path / "more.jsonl"
    extra.write_text("\n".join(dumps_rows(more)) + "\n", encoding="utf-8")
    before = (data / STORE_FILE).read_bytes()
    with exclusive(data / LOCK_FILE):
        process = _load_process(extra, data)
        assert process.stderr is not None
        first = process.stderr.readline()
        assert first.startswith(
            f"eventgraph: note: waiting for the other writer of {data} (pid {os.getpid()})"
        )
        assert process.poll() is None and (data / STORE_FILE).read_bytes() == before
    _, rest = process.communicate(timeout=120)
    assert process.returncode == 0, rest
    assert MemoryStore.open(data / STORE_FILE).counts().events == 50
