"""Extraction words/s against spaCy's bare ``nlp.pipe`` over the same texts and pipeline.

The difference is everything eventgraph adds: reading-order cleaning, timexes, event
detection and cross-article resolution. Runs are interleaved (bare, ours, bare, ours)
so drift from other work on the machine hits both sides alike.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Sequence
from pathlib import Path

from bench.report import Figure, Section
from eventgraph.extract.ingest.read import RawArticle, read_inputs
from eventgraph.extract.nlp import load, model_name
from eventgraph.extract.pipeline.run import BATCH_SIZE, extract_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TARGET_OVERHEAD = 1.5


def corpus(words: int, seeds: Path = SEEDS) -> list[RawArticle]:
    """The seed articles repeated to about ``words`` words, each copy under its own id."""
    manifest = json.loads((seeds / "manifest.json").read_text(encoding="utf-8"))
    originals = [r for r in read_inputs([seeds], manifest) if isinstance(r, RawArticle)]
    out: list[RawArticle] = []
    total = 0
    while total < words:
        for raw in originals:
            copy = len(out) // len(originals)
            article = dataclasses.replace(raw.article, id=f"r{copy:04d}_{raw.article.id}")
            out.append(dataclasses.replace(raw, article=article))
            total += len(raw.text.split())
    return out


def _bare(raws: Sequence[RawArticle], n_process: int) -> float:
    nlp = load()
    started = time.perf_counter()
    for _ in nlp.pipe((r.text for r in raws), batch_size=BATCH_SIZE, n_process=n_process):
        pass
    return time.perf_counter() - started


def _ours(raws: Sequence[RawArticle], n_process: int) -> float:
    started = time.perf_counter()
    extract_articles(raws, n_process=n_process)
    return time.perf_counter() - started


def run(words: int, *, processes: Sequence[int] = (1, 2), rounds: int = 2) -> Section:
    section = Section("Extraction: words/s of extract_articles vs bare nlp.pipe")
    raws = corpus(words)
    n_words = sum(len(r.text.split()) for r in raws)
    load()  # model load is paid once per process by both sides; keep it out of the timings
    section.notes.append(
        f"Corpus: the {len(list(SEEDS.glob('*.txt')))} seed articles repeated to {len(raws)} articles,"
        f" {n_words} words; pipeline `{model_name()}` from extract.nlp.load (with the entity ruler and"
        f" line-break component), batch_size {BATCH_SIZE}. Best of {rounds} interleaved rounds per side."
    )
    for n in processes:
        bare: list[float] = []
        ours: list[float] = []
        for _ in range(rounds):
            bare.append(_bare(raws, n))
            ours.append(_ours(raws, n))
        b, o = min(bare), min(ours)
        overhead = o / b
        section.add(
            Figure(
                f"extract_articles, n_process={n}",
                f"{n_words / o:,.0f} words/s",
                f"{n_words / b:,.0f} words/s (nlp.pipe)",
                overhead,
                f"overhead <= {TARGET_OVERHEAD}x",
                overhead <= TARGET_OVERHEAD,
            )
        )
    return section
