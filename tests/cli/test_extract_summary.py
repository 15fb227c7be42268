"""The extract summary counts the actors the event lines carry: what `load` will put in the store."""

from __future__ import annotations

from eventgraph.cli import _summary_line
from eventgraph.graph.export import batch_from_rows, dumps_rows
from tests.factories import LONER, small_batch


def test_summary_counts_the_actors_a_load_of_the_output_holds() -> None:
    batch = small_batch()
    assert LONER in {a.id for a in batch.actors}  # found, but in no event
    reloaded, problems = batch_from_rows(dumps_rows(batch))
    assert not problems
    assert f"{len(reloaded.actors)} actors," in _summary_line(batch)
    assert len(reloaded.actors) < len(batch.actors)
