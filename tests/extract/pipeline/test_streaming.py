"""Extraction streams: each article's Doc is released once the article is prepared, and its
mentions and document actors once it is resolved, so memory does not grow with the number of
articles parsed (bench.bench_scale measures it on 20,000)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest

from eventgraph.extract.pipeline import run
from eventgraph.extract.pipeline.run import BATCH_SIZE, extract_paths
from eventgraph.extract.resolve import batch as resolve

ARTICLE = (
    "Talks in Baghdad\n\n"
    "Iraqi Prime Minister Adil Abdul Mahdi met {name} in Baghdad on Monday, his office said.\n"
)
NAMES = ["Mark Esper", "Mike Pompeo", "John Kirby", "Mark Milley", "Hossein Taeb"]


@pytest.mark.slow
def test_docs_do_not_outlive_their_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    n = 3 * BATCH_SIZE + 5
    for i in range(n):
        (tmp_path / f"a{i:03d}.txt").write_text(ARTICLE.format(name=NAMES[i % len(NAMES)]), encoding="utf-8")
    docs: list[weakref.ref[Any]] = []
    alive: list[int] = []
    real = run.mentions_of

    def watched(raw: Any, doc: Any) -> Any:
        gc.collect()
        alive.append(sum(ref() is not None for ref in docs))
        docs.append(weakref.ref(doc))
        return real(raw, doc)

    monkeypatch.setattr(run, "mentions_of", watched)
    batch = extract_paths([tmp_path], {f"a{i:03d}.txt": {"published": "2019-12-31"} for i in range(n)})
    assert len(batch.articles) == n
    assert len(alive) == n
    assert max(alive) <= BATCH_SIZE  # never more than the batch being parsed
    assert {e.type for e in batch.events} >= {"meeting"}


@pytest.mark.slow
def test_the_merge_holds_no_mention_nor_document_actor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between articles and the merge, the builder keeps compact records only: every article's
    mentions (spilled to disk) and document actors (tallied in their groups) are released."""
    n = 12
    for i in range(n):
        (tmp_path / f"a{i:03d}.txt").write_text(ARTICLE.format(name=NAMES[i % len(NAMES)]), encoding="utf-8")
    mentions: list[weakref.ref[Any]] = []
    actors: list[weakref.ref[Any]] = []
    made: list[Any] = []
    alive_at_finish: list[tuple[int, int]] = []
    last = [0]
    real_actors, real_add, real_finish = (
        resolve.DocumentActors,
        resolve.BatchBuilder.add,
        resolve.BatchBuilder.finish,
    )

    def document_actors(*args: Any, **kwargs: Any) -> Any:
        made.append(real_actors(*args, **kwargs))
        return made[-1]

    def add(self: resolve.BatchBuilder, item: resolve.Prepared) -> None:
        mentions.extend(weakref.ref(m) for m in item.mentions)
        last[:] = [len(item.mentions)]
        real_add(self, item)
        actors.extend(weakref.ref(a) for a in made.pop().actors)

    def finish(self: resolve.BatchBuilder, *args: Any, **kwargs: Any) -> Any:
        gc.collect()
        alive_at_finish.append((sum(r() is not None for r in mentions), sum(r() is not None for r in actors)))
        return real_finish(self, *args, **kwargs)

    monkeypatch.setattr(resolve, "DocumentActors", document_actors)
    monkeypatch.setattr(resolve.BatchBuilder, "add", add)
    monkeypatch.setattr(resolve.BatchBuilder, "finish", finish)
    batch = extract_paths([tmp_path], {f"a{i:03d}.txt": {"published": "2019-12-31"} for i in range(n)})
    assert len(mentions) >= n and len(actors) >= 2 * n
    # Only the last article's mentions may still be referenced (by the driver's loop variable).
    [(alive_mentions, alive_actors)] = alive_at_finish
    assert alive_mentions <= last[0] and alive_actors == 0, alive_at_finish
    assert {e.type for e in batch.events} >= {"meeting"}
    assert sum(len(e.sources) for e in batch.events) >= n  # every mention came back for its event
