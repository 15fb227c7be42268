"""The driver end to end on a small article: offsets index the raw text, furniture yields nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventgraph.extract.ingest.read import RawArticle
from eventgraph.extract.pipeline.run import extract_paths, reporting_text
from eventgraph.graph.model import Article

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


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A one-sentence analyst's report is the text, however short or crowded with names.
        ("On 3 May 2020, Al Shabaab militants attacked AMISOM troops in Balcad (Middle Shabelle).", True),
        ("On 19 January 2020, militants executed four hostages.", True),
        # A first line ending in a full stop that reads as a sentence opens the story.
        ("Gunmen killed two soldiers near Gao on Monday.\n\nThe army said it was searching.", True),
        # Headlines end without a full stop, in title case or not.
        ("Militias Step Up Attacks on Coalition Bases\n\nThree rockets hit the base.", False),
        ("Israel kills top IRGC commander in Damascus\n\nStrikes hit the consulate.", False),
    ],
)
def test_first_line_kept_when_it_is_a_sentence(text: str, kept: bool) -> None:
    raw = RawArticle(Article("r.txt"), text, "none")
    first = text.split("\n")[0]
    assert (first in reporting_text(raw)) is kept
