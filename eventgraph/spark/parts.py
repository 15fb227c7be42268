"""Finished partitions in a work dir, so a run that died is started again and redoes only the rest.

A part is keyed by the content hash of its input articles (ids, texts, metadata): the same input
gives the same keys, a changed article gives its partition a new key. A part file appears only
complete (written to a temporary name in the same folder, then renamed), so a killed executor or
driver leaves either the whole part or none of it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import uuid
from pathlib import Path

from eventgraph.extract.ingest.read import RawArticle
from eventgraph.spark.chunk import ChunkResult

# Bumped when ChunkResult or the per-article extraction changes what a part holds.
FORMAT = "1"


def chunk_key(raws: list[RawArticle]) -> str:
    """The content hash of one partition's articles."""
    h = hashlib.sha256(FORMAT.encode())
    for raw in raws:
        a = raw.article
        for value in (a.id, a.name, a.title, a.url, a.publisher, str(a.published), raw.text):
            h.update(str(value).encode("utf-8", "surrogatepass"))
            h.update(b"\0")
    return h.hexdigest()[:32]


def part_path(work_dir: Path, key: str) -> Path:
    return work_dir / f"part-{key}.pkl"


def is_done(work_dir: Path, key: str) -> bool:
    return part_path(work_dir, key).is_file()


def input_path(work_dir: Path, key: str) -> Path:
    return work_dir / f"in-{key}.pkl"


def write_part(work_dir: Path, key: str, result: ChunkResult) -> Path:
    """Write atomically: a reader sees the whole part or no part."""
    return _write_atomic(part_path(work_dir, key), result)


def write_input(work_dir: Path, key: str, raws: list[RawArticle]) -> Path:
    """A partition's input articles, for the executor that extracts them (the driver keeps none)."""
    return _write_atomic(input_path(work_dir, key), raws)


def read_input(work_dir: Path, key: str) -> list[RawArticle]:
    """The articles ``write_input`` left for one partition."""
    with input_path(work_dir, key).open("rb") as fh:
        raws: list[RawArticle] = pickle.load(fh)
    return raws


def _write_atomic(final: Path, value: object) -> Path:
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.parent / f".{final.name}.{uuid.uuid4().hex}.tmp"
    with tmp.open("wb") as fh:
        pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(final)
    return final


def read_part(work_dir: Path, key: str) -> ChunkResult:
    """A part this project wrote into the user's own work dir."""
    with part_path(work_dir, key).open("rb") as fh:
        result: ChunkResult = pickle.load(fh)
    return result
