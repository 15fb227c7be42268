"""`eventgraph stats` on a store larger than one timeline page (issue 12.5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import invoke

from bench.gen_synthetic import generate
from eventgraph.cli import DISPUTED_SHOWN
from eventgraph.graph.memory import MemoryStore
from eventgraph.graph.open import open_writer
from eventgraph.graph.window import ROW_CAP


def test_stats_counts_every_dated_event_with_a_bounded_number_of_store_calls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = generate(ROW_CAP + 600, seed=12)
    dated = sum(e.date is not None for e in batch.events)
    disputed = sum(e.disputed for e in batch.events)
    assert dated > ROW_CAP and disputed > DISPUTED_SHOWN
    with open_writer("memory", data_dir=tmp_path) as store:
        store.upsert(batch)
    looked_up: list[str] = []
    real_event = MemoryStore.event

    def counted_event(self: MemoryStore, event_id: str) -> object:
        looked_up.append(event_id)
        return real_event(self, event_id)

    monkeypatch.setattr(MemoryStore, "event", counted_event)
    result = invoke(["stats", "--json", "--store", "memory", "--data", tmp_path])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["events"], report["dated_events"], report["disputed"]) == (
        len(batch.events),
        dated,
        disputed,
    )
    assert looked_up == []
    text = invoke(["stats", "--store", "memory", "--data", tmp_path])
    assert f"({dated} dated, " in text.stdout
    assert f"disputed (what each article says, the first {DISPUTED_SHOWN} of {disputed}):" in text.stdout
    assert len(looked_up) == DISPUTED_SHOWN
