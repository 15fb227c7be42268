"""Event JSONL files into tellings (graph.bulk_tellings): the fast reader where it is sure, the
exact per-line path elsewhere, with the problems ``eventgraph load`` names for the same lines."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from eventgraph.graph import bulk_fast
from eventgraph.graph.bulk_tellings import Tellings
from eventgraph.graph.event_line import parse_line

BLOCK = 1 << 25  # bytes per block the fast reader takes at once (whole lines)
_SNIFF = 65536


@dataclass
class Read:
    """Tellings of every file read, with the file each line came from (lines numbered across files)."""

    tellings: Tellings = field(default_factory=Tellings)
    files: list[int] = field(default_factory=list)  # the first line index of each file read
    lines: int = 0
    fast: int = 0  # lines the fast reader took
    exact: int = 0  # lines the exact path took (read or refused)


def read_file(path: Path, read: Read, skip: Callable[[str], None], note: Callable[[str], None]) -> bool:
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
            events = _lines(fh, path, read, problems, note)
    except OSError as exc:
        read.files.pop()
        read.lines = before
        skip(f"{path}: skipped: cannot read ({exc.strerror or exc})")
        return False
    for problem in problems:
        skip(problem)
    if not events:
        if not problems:
            skip(f"{path}: skipped: no events (empty file)")
        else:
            note(f"{path}: skipped: no readable event line")
        return False
    return True


def _blocks(fh: IO[bytes]) -> Iterator[bytes]:
    """Whole lines, about BLOCK bytes at a time (the last line may lack its newline)."""
    rest = b""
    while chunk := fh.read(BLOCK):
        data = rest + chunk
        cut = data.rfind(b"\n") + 1
        if cut == 0:
            rest = data
            continue
        rest = data[cut:]
        yield data[:cut]
    if rest:
        yield rest


def _lines(fh: IO[bytes], path: Path, read: Read, problems: list[str], note: Callable[[str], None]) -> int:
    """Read every block; returns the number of events read."""
    first = read.lines
    noted = [False]
    events = 0
    for data in _blocks(fh):
        line0 = read.lines
        n = data.count(b"\n") + (not data.endswith(b"\n"))
        got = bulk_fast.read_block(data, line0) if data.endswith(b"\n") else None
        if got is None:
            events += _exact(data.split(b"\n")[:n], line0, first, path, read, problems, noted, note)
        else:
            tables, bad = got
            read.tellings.add_tables(tables)
            events += int(n - bad.sum())
            read.fast += int(n - bad.sum())
            if bad.any():
                raw = data.split(b"\n")
                for i in bad.nonzero()[0].tolist():
                    events += _exact([raw[i]], line0 + i, first, path, read, problems, noted, note)
        read.lines = line0 + n
    return events


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
