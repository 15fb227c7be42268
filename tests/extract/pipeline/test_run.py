"""The driver end to end on a small article: offsets index the raw text, furniture yields nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventgraph.extract.pipeline.run import extract_paths

ARTICLE = """Militias Step Up Attacks on Coalition Bases

BAGHDAD (Wire) – On Monday, the coalition spokesman said three rockets hit the Taji base.

Read more: Rocket attack targets coalition base in Taji

“We will respond at a time of our choosing,” the spokesman said.

Share:
"""


@pytest.mark.slow
def test_extract_paths_keeps_raw_offsets_and_skips_furniture(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    warnings: list[str] = []
    batch = extract_paths([path], {"a.txt": {"published": "2022-03-16"}}, warn=warnings.append)
    sources = [s for e in batch.events for s in e.sources]
    assert sources
    for src in sources:
        assert ARTICLE[src.char_start : src.char_end] == src.sentence
        assert "Read more" not in src.sentence
    assert {e.type for e in batch.events} >= {"statement", "rocket_attack"}


@pytest.mark.slow
def test_unreadable_input_is_reported_not_fatal(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    warnings: list[str] = []
    extract_paths([good, tmp_path / "missing.txt"], warn=warnings.append)
    assert any("missing.txt" in w for w in warnings)
