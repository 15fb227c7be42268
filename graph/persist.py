"""The embedded store's file: event JSONL (graph.export) between a header and a tail.

The header line says what the file is; the tail line holds what event lines
cannot (actors, places and articles without events, every affiliation). The
file is replaced atomically — written to a temporary file, fsynced, then
renamed — so a crash mid-write leaves the previous graph intact.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from graph.errors import StoreError
from graph.export import batch_from_rows, dumps_rows
from graph.model import Actor, Affiliation, Article, Batch, Place

HEADER = {"eventgraph": "memory-store", "version": 1}


def _lines(batch: Batch) -> Iterator[str]:
    yield json.dumps(HEADER)
    yield from dumps_rows(batch)
    tail = {
        "articles": [dataclasses.asdict(a) | {"published": _iso(a.published)} for a in batch.articles],
        "actors": [dataclasses.asdict(a) for a in batch.actors],
        "places": [dataclasses.asdict(p) for p in batch.places],
        "affiliations": [dataclasses.asdict(a) for a in batch.affiliations],
    }
    yield json.dumps({"tail": tail}, ensure_ascii=False)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def write(path: Path, batch: Batch) -> None:
    """Replace ``path`` with the batch, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            for line in _lines(batch):
                fh.write(line + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def read(path: Path) -> Batch:
    """The batch saved at ``path``; a file that is not a whole store is an error, never half-loaded."""
    with path.open(encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    try:
        if not lines or json.loads(lines[0]) != HEADER:
            raise ValueError("no eventgraph header")
        tail: dict[str, list[dict[str, Any]]] = json.loads(lines[-1])["tail"]
    except (ValueError, KeyError, TypeError) as exc:
        raise StoreError(
            f"{path} is not an eventgraph store file ({exc}); move it away or load --replace"
        ) from exc
    events, problems = batch_from_rows(lines[1:-1], name=str(path))
    if problems:
        raise StoreError(f"{path} is damaged: {problems[0]}")
    return Batch(
        [Article(**(a | {"published": date.fromisoformat(a["published"]) if a["published"] else None}))
         for a in tail["articles"]],
        events.events,
        [Actor(**a) for a in tail["actors"]],
        [Place(**p) for p in tail["places"]],
        [Affiliation(**a) for a in tail["affiliations"]],
    )  # fmt: skip
