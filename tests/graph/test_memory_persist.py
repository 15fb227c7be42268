"""The embedded store's file: round trip, atomic replacement, damaged files refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventgraph.graph import persist
from eventgraph.graph.errors import StoreError
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.model import Event
from eventgraph.graph.open import open_store, open_writer
from eventgraph.graph.store import TimelineFilter
from tests.factories import ESPER, small_batch


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
    with open_writer("memory", data_dir=tmp_path) as store:
        store.upsert(small_batch())
    assert (tmp_path / "graph.jsonl").exists()
    assert open_store("memory", data_dir=tmp_path).counts().events == 8
    with pytest.raises(ValueError, match="unknown store"):
        open_store("sqlite")


def test_reading_a_folder_without_a_store_is_an_error(tmp_path: Path) -> None:
    """A mistyped EVENTGRAPH_DATA must not serve an empty graph: only writers create a store."""
    with pytest.raises(StoreError, match=r"datta holds no store \(no graph.jsonl\): check --data"):
        open_store("memory", data_dir=tmp_path / "datta")
    assert not (tmp_path / "datta").exists()


def test_a_writer_that_fails_saves_nothing(tmp_path: Path) -> None:
    with open_writer("memory", data_dir=tmp_path) as store:
        store.upsert(small_batch())
    before = (tmp_path / "graph.jsonl").read_bytes()
    with pytest.raises(RuntimeError), open_writer("memory", data_dir=tmp_path, replace=True) as store:
        store.clear()
        raise RuntimeError("something unexpected")
    assert (tmp_path / "graph.jsonl").read_bytes() == before


def test_a_store_whose_upsert_failed_midway_is_never_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "g.jsonl"
    store = MemoryStore.open(path)
    store.upsert(small_batch())
    store.save()
    before = path.read_bytes()
    calls = 0
    merge = MemoryStore._merge_event

    def fail_on_the_third(self: MemoryStore, event: Event) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise AttributeError("'int' object has no attribute 'casefold'")
        merge(self, event)

    monkeypatch.setattr(MemoryStore, "_merge_event", fail_on_the_third)
    store.clear()
    with pytest.raises(AttributeError):
        store.upsert(small_batch())
    with pytest.raises(StoreError, match="not saved: a load failed midway"):
        store.save()
    store.close()  # no save either
    assert path.read_bytes() == before


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
        ('{"eventgraph": "memory-store", "version": 1}\n{"id": "e1"}\n', "older eventgraph"),
        ('{"eventgraph": "memory-store", "version": 2}\n{"broken\n{"tail": {}}\n', "truncated"),
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
    assert len(lines) == 1 + 8 + 1 + 1
    assert lines[0] == '{"eventgraph": "memory-store", "version": 2}'
    assert lines[-2].startswith('{"tail"') and lines[-1].startswith('{"check": {"events": 8, "sha256": "')
