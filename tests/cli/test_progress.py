"""Progress bars on stderr only when it is a terminal: never into a log file or a pipe."""

from __future__ import annotations

import io

from eventgraph.progress import PhaseBars


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bars_are_drawn_on_a_terminal_one_per_phase() -> None:
    out = _Terminal()
    bars = PhaseBars(out)
    for n in range(1, 4):
        bars("extracting", n, None)
    for n in range(1, 4):
        bars("resolving", n, 3)
    bars.close()
    text = out.getvalue()
    assert "extracting" in text and "resolving" in text and "3/3" in text


def test_nothing_is_written_when_stderr_is_not_a_terminal() -> None:
    out = io.StringIO()
    bars = PhaseBars(out)
    bars("extracting", 1, None)
    bars("resolving", 1, 1)
    bars.close()
    assert out.getvalue() == ""
