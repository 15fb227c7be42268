"""Extraction streams: each article's Doc is released once the article is prepared, so memory does
not grow with the number of articles parsed (bench.bench_scale measures it on 20,000)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest

from eventgraph.extract.pipeline import run
from eventgraph.extract.pipeline.run import BATCH_SIZE, extract_paths

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
