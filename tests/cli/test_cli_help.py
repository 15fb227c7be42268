"""Every subcommand documents itself and rejects bad usage with a clear message."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from eventgraph.cli import ProblemLog, main
from eventgraph.extract.ingest.problems import Problem

SUBCOMMANDS = ["extract", "timex", "load", "serve", "stats"]


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: main " + command in result.output or f"Usage: eventgraph {command}" in result.output


def test_top_level_help_lists_every_subcommand() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in SUBCOMMANDS:
        assert command in result.output


def test_store_is_chosen_from_the_environment() -> None:
    result = CliRunner().invoke(main, ["stats", "--help"], env={"EVENTGRAPH_STORE": "neo4j"})
    assert "EVENTGRAPH_STORE" in result.output
    result = CliRunner().invoke(main, ["stats"], env={"EVENTGRAPH_STORE": "nosuch"})
    assert result.exit_code == 2
    assert "nosuch" in result.output


def test_timex_needs_a_publication_date(tmp_path: object) -> None:
    runner = CliRunner()
    with runner.isolated_filesystem():
        with open("a.txt", "w") as fh:
            fh.write("On Monday he spoke.")
        result = runner.invoke(main, ["timex", "a.txt"])
    assert result.exit_code == 2
    assert "--dct" in result.output


def test_strict_stops_on_problems_but_not_on_notes() -> None:
    log = ProblemLog(strict=True)
    log(str(Problem("a.txt", "inferred publication date 2024-01-02 from the text", note=True)))
    with pytest.raises(click.ClickException, match="--strict"):
        log(str(Problem("b.txt", "empty file", fatal=True)))
    assert log.count == 2
