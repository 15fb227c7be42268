"""Run the real `eventgraph` command in-process and check what a user would see."""

from __future__ import annotations

from collections.abc import Sequence

from click.testing import CliRunner, Result

from eventgraph.cli import main


def invoke(args: Sequence[object], env: dict[str, str] | None = None) -> Result:
    """The command's result, failing the test if a traceback would have reached the user."""
    result = CliRunner().invoke(main, [str(a) for a in args], env=env)
    assert "Traceback" not in result.output
    # CliRunner swallows exceptions; anything but SystemExit would have been a traceback on a terminal.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result


def problem_lines(result: Result) -> list[str]:
    """The one-line reasons on stderr (progress bars and the summary are not problems)."""
    return [line for line in result.stderr.splitlines() if line.startswith(("eventgraph: ", "Error: "))]


def reason_for(result: Result, name: str, reason: str) -> str:
    """The stderr line naming ``name`` that gives ``reason``; fails when there is none."""
    lines = [line for line in problem_lines(result) if name in line and reason in line]
    assert lines, f"no line naming {name} with {reason!r} in:\n{result.stderr}"
    assert all(len(line) < 300 for line in lines)
    return lines[0]
