"""One bad input, one line: what the user sees instead of a traceback."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """A reason an input was skipped or read with a caveat, naming the input (and line)."""

    source: str  # file name, with ":line" for a JSONL line
    reason: str
    fatal: bool = False  # True: nothing could be read from this input
    note: bool = False  # True: read fine, the user should only know (`--strict` does not stop on notes)

    def __str__(self) -> str:
        prefix = "note: " if self.note else ""
        return f"{prefix}{self.source}: {'skipped: ' if self.fatal else ''}{self.reason}"
