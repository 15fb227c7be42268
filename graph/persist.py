"""The embedded store's file: event JSONL (graph.export) between a header and a tail, then a check line.

The header line says what the file is and its format version (graph.version); the
tail line holds what event lines cannot (actors, places and articles without events,
every affiliation); the last line holds the number of event lines and a SHA-256 of
every byte before it, so a deleted, changed or cut-off line is found on open and
named, never silently dropped. The file is replaced atomically — written to a
temporary file, fsynced, then renamed — so a crash mid-write leaves the previous
graph intact; a killed writer's temporary file is removed by the next writer.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from eventgraph.graph.errors import StoreError
from eventgraph.graph.export import batch_from_rows, dumps_rows
from eventgraph.graph.model import Actor, Affiliation, Article, Batch, Place
from eventgraph.graph.version import STORE_VERSION, outdated

KIND = "memory-store"
HEADER = {"eventgraph": KIND, "version": STORE_VERSION}
REPLACE = "rebuild it from your event files: eventgraph load EVENTS.jsonl --replace"


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


def _temporary(path: Path) -> str:
    return f".{path.name}.*.tmp"


def write(path: Path, batch: Batch) -> None:
    """Replace ``path`` with the batch, atomically, ending with the count and checksum line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(_temporary(path).replace("*", str(os.getpid())))
    digest = hashlib.sha256()
    lines = 0
    try:
        with tmp.open("wb") as fh:
            for line in _lines(batch):
                raw = (line + "\n").encode("utf-8")
                digest.update(raw)
                fh.write(raw)
                lines += 1
            check = {"check": {"events": lines - 2, "sha256": digest.hexdigest()}}
            fh.write((json.dumps(check) + "\n").encode())
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


def remove_orphans(path: Path) -> list[Path]:
    """Delete temporary files that killed writes left beside ``path`` (call with the writer lock held)."""
    orphans = sorted(path.parent.glob(_temporary(path))) if path.parent.is_dir() else []
    for orphan in orphans:
        orphan.unlink(missing_ok=True)
    return orphans


def read(path: Path) -> Batch:
    """The batch saved at ``path``; a file that is not a whole, unchanged store is an error naming
    what is wrong, never half-loaded."""
    try:
        fh = path.open("rb")
    except IsADirectoryError as exc:
        raise StoreError(
            f"{path} is a folder, not a store file: move it away (eventgraph load --replace then "
            "writes a new store)"
        ) from exc
    except OSError as exc:
        raise StoreError(f"cannot read the store {path} ({exc.strerror or exc})") from exc
    with fh:
        return _read(path, fh)


def _read(path: Path, fh: IO[bytes]) -> Batch:
    digest = hashlib.sha256()
    first = fh.readline()
    digest.update(first)
    try:
        header = json.loads(first)
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("eventgraph") != KIND:
        raise StoreError(f"{path} is not an eventgraph store file (no header): move it away or {REPLACE}")
    if header.get("version") != STORE_VERSION:
        raise StoreError(outdated(str(path), header.get("version")))
    held: list[bytes] = []  # the last two lines read: the tail and the check line once all is read
    not_utf8: list[int] = []
    events = 0

    def event_lines() -> Iterator[str]:
        nonlocal events
        for raw in fh:
            held.append(raw)
            if len(held) > 2:
                line = held.pop(0)
                digest.update(line)
                events += 1
                try:
                    yield line.decode("utf-8")
                except UnicodeDecodeError:
                    not_utf8.append(events + 1)
                    yield line.decode("utf-8", errors="replace")

    batch, problems = batch_from_rows(event_lines(), name=str(path), first_line=2)
    check = _check(held[-1]) if len(held) == 2 and held[-1].endswith(b"\n") else None
    if check is None:
        raise StoreError(
            f"{path} is truncated (it ends at line {events + 1 + len(held)} without its check line): "
            f"{REPLACE}"
        )
    digest.update(held[0])
    if check.get("events") != events:
        raise StoreError(
            f"{path} is damaged: it holds {events} event lines where {check.get('events')} were "
            f"written: {REPLACE}"
        )
    if check.get("sha256") != digest.hexdigest():
        where = f"line {not_utf8[0]} is not UTF-8 text" if not_utf8 else "its checksum does not match"
        raise StoreError(f"{path} was changed after eventgraph wrote it ({where}): {REPLACE}")
    if problems:
        raise StoreError(f"{path} is damaged: {problems[0]}")
    try:
        tail: dict[str, list[dict[str, Any]]] = json.loads(held[0])["tail"]
        return Batch(
            [Article(**(a | {"published": date.fromisoformat(a["published"]) if a["published"] else None}))
             for a in tail["articles"]],
            batch.events,
            [Actor(**a) for a in tail["actors"]],
            [Place(**p) for p in tail["places"]],
            [Affiliation(**a) for a in tail["affiliations"]],
        )  # fmt: skip
    except (ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"{path} is damaged: its tail line cannot be read ({exc}): {REPLACE}") from exc


def _check(line: bytes) -> dict[str, Any] | None:
    try:
        check = json.loads(line).get("check")
    except (ValueError, AttributeError):
        return None
    return check if isinstance(check, dict) else None
