"""Event JSONL files into tellings (graph.bulk_tellings): the fast reader where it is sure, the
exact per-line path elsewhere, with the problems ``eventgraph load`` names for the same lines.

Beside eventgraph.cli, not in eventgraph.graph: it sniffs and decodes the input as ``load`` does,
with extract's helpers."""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.compute as pc

from eventgraph.graph import bulk_fast
from eventgraph.graph.bulk_tellings import Read
from eventgraph.graph.event_line import parse_line

BLOCK = 1 << 25  # bytes per block the fast reader takes at once (whole lines)
_SNIFF = 65536


def arrow_memory() -> None:
    """Arrow's jemalloc pool where the wheel has it: 12-22% less CPU reading a large input than the
    default pool here (fewer pages returned to the system and faulted in again)."""
    with contextlib.suppress(NotImplementedError):
        pa.set_memory_pool(pa.jemalloc_memory_pool())


def read_file(
    path: Path, read: Read, skip: Callable[[str], None], note: Callable[[str], None], *, jobs: int = 2
) -> bool:
    """Add a file's lines to ``read``; False (the reason given to ``skip`` or ``note``) when no event
    of it could be read, as eventgraph.cli._read_events says it."""
    from eventgraph.extract.ingest.sniff import binary_reason

    before = read.lines
    problems: list[str] = []
    events = 0
    read.files.append(before)
    try:
        with path.open("rb") as fh:
            reason = binary_reason(fh.read(_SNIFF))
            if reason:
                read.files.pop()
                skip(f"{path}: skipped: {reason}")
                return False
            fh.seek(0)
            events = _lines(fh, path, read, problems, note, jobs)
    except OSError as exc:
        read.files.pop()
        read.lines = before
        skip(f"{path}: skipped: cannot read ({exc.strerror or exc})")
        return False
    read.events += events
    for problem in problems:
        skip(problem)
    if not events:
        if not problems:
            skip(f"{path}: skipped: no events (empty file)")
        else:
            note(f"{path}: skipped: no readable event line")
        return False
    return True


def _spans(fh: IO[bytes]) -> list[tuple[int, int]]:
    """Byte ranges of whole lines, about BLOCK bytes each (the last line may lack its newline)."""
    size = fh.seek(0, 2)
    spans, start = [], 0
    while start < size:
        end = start + BLOCK
        if end >= size:
            end = size
        else:
            fh.seek(end)
            while (chunk := fh.read(1 << 16)) and b"\n" not in chunk:
                end += len(chunk)
            end = min(size, end + chunk.find(b"\n") + 1) if chunk else size
        spans.append((start, end))
        start = end
    return spans


_Block = tuple[int, Any]  # lines in the block, and bulk_fast.read_block's answer (None: refused)


def _fast(path: Path, span: tuple[int, int]) -> _Block:
    """One block through the fast reader, its lines numbered from 0 (run in a worker process)."""
    with path.open("rb") as fh:
        fh.seek(span[0])
        data = fh.read(span[1] - span[0])
    n = data.count(b"\n") + (not data.endswith(b"\n"))
    return n, (bulk_fast.read_block(data, 0) if data.endswith(b"\n") else None)


def _answers(path: Path, spans: list[tuple[int, int]], jobs: int) -> Iterator[_Block]:
    if jobs < 2 or len(spans) < 2:
        yield from (_fast(path, span) for span in spans)
        return
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(partial(_fast, path), spans)


def _lines(
    fh: IO[bytes], path: Path, read: Read, problems: list[str], note: Callable[[str], None], jobs: int
) -> int:
    """Read every block (``jobs`` processes run the fast reader); returns the number of events read."""
    first = read.lines
    noted = [False]
    events = 0
    spans = _spans(fh)
    for span, (n, got) in zip(spans, _answers(path, spans, jobs), strict=True):
        line0 = read.lines
        if got is None:
            fh.seek(span[0])
            raw = fh.read(span[1] - span[0]).split(b"\n")[:n]
            events += _exact(raw, line0, first, path, read, problems, noted, note)
        else:
            tables, bad = got
            read.tellings.add_tables({k: _shifted(t, line0) for k, t in tables.items()})
            events += int(n - bad.sum())
            read.fast += int(n - bad.sum())
            if bad.any():
                fh.seek(span[0])
                raw = fh.read(span[1] - span[0]).split(b"\n")
                for i in bad.nonzero()[0].tolist():
                    events += _exact([raw[i]], line0 + i, first, path, read, problems, noted, note)
        read.tellings.end_block()
        read.lines = line0 + n
    return events


def _shifted(table: pa.Table, line0: int) -> pa.Table:
    if not line0:
        return table
    at = table.schema.get_field_index("line")
    return table.set_column(at, "line", pc.add(table.column("line"), line0))


def _exact(
    raws: list[bytes], line0: int, first: int, path: Path, read: Read, problems: list[str],
    noted: list[bool], note: Callable[[str], None],
) -> int:  # fmt: skip
    """The exact per-line path (graph.export.batch_from_rows' reading) for these lines."""
    from eventgraph.extract.ingest.sniff import decode

    events = 0
    for k, raw in enumerate(raws):
        number = line0 + k - first + 1
        decoded = decode(raw + b"\n")
        if decoded.encoding != "utf-8" and not noted[0]:
            note(f"{path}:{number}: not UTF-8: decoded as {decoded.encoding}")
            noted[0] = True
        read.exact += 1
        if not decoded.text.strip():
            continue
        try:
            row = parse_line(decoded.text)
        except ValueError as exc:
            problems.append(f"{path}:{number}: skipped: {exc}")
            continue
        read.tellings.add_line(row, line0 + k)
        events += 1
    return events
