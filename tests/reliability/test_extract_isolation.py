"""`eventgraph extract` on a batch in which one article fails unexpectedly, and on a file beyond
spaCy's length limit beside a good one: the others always go through."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from cli_run import invoke, reason_for
from click.testing import CliRunner

from eventgraph.cli import EXIT_SOME_FAILED, main
from eventgraph.extract.pipeline import run
from eventgraph.extract.resolve import batch as resolve

pytestmark = pytest.mark.slow
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GOOD = "000_de40b4dd7904e358.txt"
OTHER = "003_3b6836c4b98d9700.txt"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (GOOD, OTHER):
        shutil.copy(SEEDS / name, folder / name)
    shutil.copy(SEEDS / "manifest.json", folder / "manifest.json")
    return folder


def _docs(out: Path) -> set[str]:
    return {s["doc"] for line in out.read_text().splitlines() for s in json.loads(line)["sources"]}


def _break(monkeypatch: pytest.MonkeyPatch, where: str, victim: str) -> None:
    """Make one per-article step raise for ``victim`` only."""
    if where == "detection":
        real = run.mentions_of

        def broken(raw: Any, doc: Any) -> Any:
            if raw.article.name == victim:
                raise IndexError("list index out of range")
            return real(raw, doc)

        monkeypatch.setattr(run, "mentions_of", broken)
    else:
        real_add = resolve.BatchBuilder.add

        def broken_add(self: resolve.BatchBuilder, item: resolve.Prepared) -> None:
            if item.article.name == victim:
                raise KeyError("no such actor")
            real_add(self, item)

        monkeypatch.setattr(resolve.BatchBuilder, "add", broken_add)


@pytest.mark.parametrize("where", ["detection", "resolution"])
def test_one_failing_article_is_named_and_the_rest_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    folder = _folder(tmp_path)
    _break(monkeypatch, where, OTHER)
    out = tmp_path / "events.jsonl"
    result = invoke(["extract", folder, "--manifest", folder / "manifest.json", "--out", out])
    assert result.exit_code == EXIT_SOME_FAILED != 1
    line = reason_for(result, OTHER, "unexpected error")
    assert "Error" in line and "Traceback" not in result.stderr
    assert _docs(out) == {GOOD}
    assert json.loads(out.read_text().splitlines()[0])["sources"]


def test_the_traceback_is_shown_under_eventgraph_debug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    _break(monkeypatch, "detection", OTHER)
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(
        main,
        ["extract", str(folder), "--manifest", str(folder / "manifest.json"), "--out", str(out)],
        env={"EVENTGRAPH_DEBUG": "1"},
    )
    assert result.exit_code == EXIT_SOME_FAILED
    assert "Traceback" in result.stderr and "broken" in result.stderr
    assert _docs(out) == {GOOD}


def test_when_every_article_fails_nothing_could_be_processed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / OTHER, folder / OTHER)
    _break(monkeypatch, "detection", OTHER)
    out = tmp_path / "events.jsonl"
    result = invoke(["extract", folder, "--out", out])
    assert result.exit_code == 1
    reason_for(result, "", "no article could be processed")
    assert not out.exists()


def _ordinary_english(n_bytes: int) -> str:
    """Plain prose, paragraph after paragraph, with a few dated events among it."""
    rng = random.Random(7)
    subjects = ["The committee", "A spokesman", "The minister", "Local residents", "The council", "Engineers"]
    verbs = ["discussed", "reviewed", "described", "questioned", "welcomed", "considered"]
    objects = [
        "the new budget",
        "the road repairs",
        "a report on schools",
        "the harbour plans",
        "water prices",
    ]
    paragraphs: list[str] = []
    size = 0
    while size < n_bytes:
        days = ["Monday", "Friday"]
        sentences = [
            f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)} on {rng.choice(days)}."
            for _ in range(rng.randint(3, 7))
        ]
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "A Long Record\n\n" + "\n\n".join(paragraphs) + "\n"


def test_a_multi_megabyte_file_is_processed_in_pieces_beside_a_good_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / GOOD, folder / GOOD)
    text = _ordinary_english(2_200_000)
    (folder / "long.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "events.jsonl"
    result = invoke(["extract", folder, "--manifest", SEEDS / "manifest.json", "--out", out])
    assert result.exit_code == 0, result.stderr
    assert "unexpected error" not in result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert GOOD in _docs(out)
    long_sources = [s for r in rows for s in r["sources"] if s["doc"] == "long.txt"]
    assert long_sources and max(s["char_end"] for s in long_sources) > 1_000_000  # past spaCy's limit
    for src in long_sources:
        assert text[src["char_start"] : src["char_end"]] == src["sentence"]
