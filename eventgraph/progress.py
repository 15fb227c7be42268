"""Progress on stderr for long commands, drawn only when stderr is a terminal (never into logs or pipes)."""

from __future__ import annotations

import itertools
import sys
from typing import Any, TextIO

import click


class PhaseBars:
    """A ``progress(phase, done, total)`` callback: one bar per phase; ``total`` None counts up."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self._phase: str | None = None
        self._bar: Any = None

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        if not self.enabled:
            return
        if phase != self._phase:
            self.close()
            bar = click.progressbar(
                itertools.count() if total is None else None,
                length=total,
                label=phase,
                file=self.stream,
                show_pos=True,
                show_eta=total is not None,
            )
            self._bar = bar.__enter__()
            self._phase = phase
        self._bar.update(done - self._bar.pos)

    def close(self) -> None:
        """End the current bar's line, so that what is printed next starts on its own."""
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
            self._phase = None
