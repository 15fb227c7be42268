"""A crash while the embedded store saves leaves the previous file whole and loadable.

tests/graph/test_memory_persist.py crashes at fsync; these crash at the rename, halfway through
writing, and inside `eventgraph load`, and check the user sees one line, not a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_run import invoke

from bench.gen_synthetic import generate
from eventgraph.graph import persist
from eventgraph.graph.export import dumps_rows
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.open import STORE_FILE

FIRST, SECOND = generate(30, seed=1), generate(30, seed=2)


def saved(path: Path) -> bytes:
    store = MemoryStore.open(path)
    store.upsert(FIRST)
    store.save()
    return path.read_bytes()


def fail_rename(*_: object) -> None:
    raise OSError(28, "No space left on device")


def test_crash_at_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / STORE_FILE
    before = saved(path)
    store = MemoryStore.open(path)
    store.upsert(SECOND)
    monkeypatch.setattr(os, "replace", fail_rename)
    with pytest.raises(OSError, match="No space left"):
        store.save()
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == [STORE_FILE]
    assert MemoryStore.open(path).counts().events == 30


def test_crash_halfway_through_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / STORE_FILE
    before = saved(path)
    real_lines = persist._lines

    def lines_then_crash(batch: object) -> Iterator[str]:
        for n, line in enumerate(real_lines(batch)):  # type: ignore[arg-type]
            if n == 10:
                raise KeyboardInterrupt("killed")
            yield line

    store = MemoryStore.open(path)
    store.upsert(SECOND)
    monkeypatch.setattr(persist, "_lines", lines_then_crash)
    with pytest.raises(KeyboardInterrupt):
        store.save()
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == [STORE_FILE]


def test_load_that_cannot_save_says_so_and_keeps_the_old_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    before = saved(data / STORE_FILE)
    events = tmp_path / "more.jsonl"
    events.write_text("\n".join(dumps_rows(SECOND)) + "\n")
    monkeypatch.setattr(os, "replace", fail_rename)
    result = invoke(["load", events, "--store", "memory", "--data", data])
    monkeypatch.undo()
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith("Error: unexpected error (OSError: ")
    assert (data / STORE_FILE).read_bytes() == before
    assert MemoryStore.open(data / STORE_FILE).counts().events == 30
