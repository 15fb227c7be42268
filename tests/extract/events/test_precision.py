"""Sentences that read like events but are none: ranked occasions, wondering aloud, inline links."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventgraph.extract.events.detect import detect
from eventgraph.extract.nlp import load


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def _types(nlp: Language, text: str) -> list[str]:
    return [m.type for m in detect(nlp(text), "a.txt")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "It is the first time the group has claimed such an attack since the war began.",
        "This was the third time protesters have blocked the road this year.",
        "Witnesses were not sure if it was a protest.",
        "(RELATED: Police Arrest Five After Riot In Port City)",
        "[Read more: Rebels attack army base in the north]",
    ],
)
def test_no_event(nlp: Language, text: str) -> None:
    assert _types(nlp, text) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For the first time, the group claimed an attack on the base on Monday.", "statement"),
        ("Protesters blocked the main road on Friday.", "protest"),
    ],
)
def test_still_an_event(nlp: Language, text: str, expected: str) -> None:
    assert expected in _types(nlp, text)
