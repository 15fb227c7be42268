"""Long articles in pieces: ranges cover the text, cut at paragraph breaks, and offsets stay valid."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from eventgraph.extract.events.mention import Mention, Span
from eventgraph.extract.pipeline import pieces as piecing
from eventgraph.extract.pipeline.pieces import pieces, shifted
from eventgraph.extract.pipeline.run import extract_paths


@pytest.mark.parametrize("limit", [2, 7, 50, 400, 10_000])
def test_pieces_cover_the_text_and_respect_the_limit(limit: int) -> None:
    text = "\n\n".join(f"Paragraph {i} says something.\nA second line {i}." for i in range(40)) + "  tail"
    spans = pieces(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(0 < end - start <= limit for start, end in spans)


def test_pieces_cut_at_paragraph_breaks_when_there_are_some() -> None:
    text = "\n\n".join("word " * 30 for _ in range(50))
    spans = pieces(text, 1000)
    assert len(spans) > 1
    for _, end in spans[:-1]:
        assert text[end - 2 : end] == "\n\n" and text[end] == "w"


def test_a_text_without_breaks_is_cut_anyway() -> None:
    assert pieces("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


def test_shifted_moves_every_offset() -> None:
    m = Mention("a", "visit", "visited", 10, "Ana visited Rome.", 6, 23, [Span("Ana", 6, 9, "PERSON")])
    m.place = Span("Rome", 18, 22, "GPE")
    moved = shifted(m, 100)
    assert (moved.trigger_start, moved.char_start, moved.char_end) == (110, 106, 123)
    assert moved.agents[0].start == 106 and moved.place is not None and moved.place.end == 122
    assert m.char_start == 6  # the original is left alone


PARAGRAPH = (
    "Defense Secretary Mark Esper phoned Iraqi Prime Minister Adil Abdul Mahdi on Sunday, "
    "the Pentagon said. On Monday, three rockets hit the Taji base north of Baghdad, officials said."
)


@pytest.mark.slow
def test_pieces_of_a_long_article_keep_offsets_into_the_whole_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(piecing, "PIECE_CHARS", 500)
    # Each paragraph's attack on its own day: the same unclaimed attack repeated on one day is one
    # event (the unidentified armed group's), so repeats would leave no mention beyond the first piece.
    days = [PARAGRAPH.replace("On Monday", f"On December {n}") for n in range(1, 13)]
    text = "Calls and Rockets\n\n" + "\n\n".join(days) + "\n"
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    batch = extract_paths([tmp_path / "long.txt"], {"long.txt": {"published": "2019-12-31"}}, warn=print)
    sources = [s for e in batch.events for s in e.sources]
    assert {e.type for e in batch.events} >= {"phone_call", "rocket_attack"}
    assert max(s.char_start for s in sources) > 1500  # mentions from pieces beyond the first ones
    for src in sources:
        assert text[src.char_start : src.char_end] == src.sentence
