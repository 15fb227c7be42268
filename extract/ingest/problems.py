"""One bad input, one line: what the user sees instead of a traceback."""

from __future__ import annotations

from dataclasses import dataclass


def shown(text: object) -> str:
    """``text`` safe to print on one line: control, bidi and other invisible characters escaped.

    File names and manifest keys come from users; a newline or a right-to-left override in one
    would fake or hide log lines. Escapes are Python's (``\\n``, ``\\u202e``), so plain names are
    unchanged and escaping twice changes nothing.
    """
    value = str(text)
    if value.isprintable():
        return value
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in value)


@dataclass(frozen=True)
class Problem:
    """A reason an input was skipped or read with a caveat, naming the input (and line)."""

    source: str  # file name, with ":line" for a JSONL line
    reason: str
    fatal: bool = False  # True: nothing could be read from this input
    note: bool = False  # True: read fine, the user should only know (`--strict` does not stop on notes)

    def __str__(self) -> str:
        prefix = "note: " if self.note else ""
        return shown(f"{prefix}{self.source}: {'skipped: ' if self.fatal else ''}{self.reason}")
