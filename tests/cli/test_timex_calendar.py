"""`eventgraph timex` at the edges of the calendar: in-range values or XXXX-XX-XX with a note naming it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventgraph.cli import main

TEXT = "Prices fell last month and last year; they will rise next month and next year."


@pytest.mark.parametrize(
    ("dct", "values"),
    [
        ("9999-12-31", ["9999-11", "9998", "XXXX-XX-XX", "XXXX-XX-XX"]),  # not "9999-01", "10000"
        ("0001-01-01", ["XXXX-XX-XX", "XXXX-XX-XX", "0001-02", "0002"]),  # not "0001-12", "0000"
        ("2019-12-16", ["2019-11", "2018", "2020-01", "2020"]),
    ],
)
def test_file_values_stay_in_the_calendar(tmp_path: Path, dct: str, values: list[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["timex", str(path), "--dct", dct])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["value"] for line in result.stdout.splitlines()] == values
    notes = result.stderr.splitlines()
    assert len(notes) == values.count("XXXX-XX-XX")
    for note in notes:
        assert str(path) in note and "outside the calendar" in note and dct in note


def test_batch_notes_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows = [
        {"doc": "a", "dct": "2019-12-16", "text": "next year"},
        {"doc": "b", "dct": "9999-12-31", "text": TEXT},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(main, ["timex", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [t["value"] for t in out[1]["timexes"]] == ["9999-11", "9998", "XXXX-XX-XX", "XXXX-XX-XX"]
    notes = result.stderr.splitlines()
    assert len(notes) == 2 and all(n.startswith(f"eventgraph: {path}:2: note: ") for n in notes)
    assert "'next month'" in notes[0] and "'next year'" in notes[1]
