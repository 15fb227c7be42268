"""The embedded store's file: round trip, atomic replacement, damaged files refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ESPER, small_batch

from graph import persist
from graph.errors import StoreError
from graph.memory import MemoryStore
from graph.open import open_store
from graph.store import TimelineFilter


def test_save_and_open_give_the_same_answers(tmp_path: Path) -> None:
    store = MemoryStore.open(tmp_path / "g.jsonl")
    store.upsert(small_batch())
    store.close()
    again = MemoryStore.open(tmp_path / "g.jsonl")
    assert again.counts() == store.counts()
    assert again.timeline(TimelineFilter()) == store.timeline(TimelineFilter())
    assert again.actor(ESPER) == store.actor(ESPER)
    assert again.event("e2") == store.event("e2")
    assert again.actors("") == store.actors("")  # the actor without events survives
    assert again.places() == store.places()


def test_open_store_memory_uses_the_data_folder(tmp_path: Path) -> None:
    store = open_store("memory", data_dir=tmp_path)
    store.upsert(small_batch())
    store.close()
    assert (tmp_path / "graph.jsonl").exists()
    assert open_store("memory", data_dir=tmp_path).counts().events == 8
    with pytest.raises(ValueError, match="unknown store"):
        open_store("sqlite")


def test_crash_mid_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.jsonl"
    store = MemoryStore.open(path)
    store.upsert(small_batch())
    store.save()
    before = path.read_bytes()
    store.clear()

    def crash(*_: object) -> None:
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(KeyboardInterrupt):
        store.save()
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind
    monkeypatch.undo()
    assert MemoryStore.open(path).counts().events == 8


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "not an eventgraph store file"),
        ('{"some": "json"}\n', "not an eventgraph store file"),
        ('{"eventgraph": "memory-store", "version": 1}\n{"id": "e1"}\n', "not an eventgraph store file"),
        ('{"eventgraph": "memory-store", "version": 1}\n{"broken\n{"tail": {}}\n', "damaged"),
    ],
)
def test_damaged_files_are_refused_not_half_loaded(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(content)
    with pytest.raises(StoreError, match=reason):
        MemoryStore.open(path)


def test_file_is_event_jsonl_between_header_and_tail(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    persist.write(path, small_batch())
    lines = path.read_text().splitlines()
    assert len(lines) == 1 + 8 + 1
    assert lines[0].startswith('{"eventgraph"') and lines[-1].startswith('{"tail"')
