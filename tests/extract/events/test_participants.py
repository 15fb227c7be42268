"""Participant spans read off the real parse: an attack or weapon that acts stands for whoever it
belongs to, a run of attacks for the attacks, and "the North" for the divided country."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventgraph.extract.events.participants import participant, spans, subject_of
from eventgraph.extract.nlp import load


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def subject_span(nlp: Language, text: str, verb: str) -> str | None:
    doc = nlp(text)
    head = next(t for t in doc if t.text == verb)
    found = spans(subject_of(head))
    return found[0].text if found else None


def test_a_national_attack_stands_for_its_nation(nlp: Language) -> None:
    text = "Ukrainian drones struck the refinery, and Turkish airstrikes killed four fighters."
    assert subject_span(nlp, text, "killed") == "Turkish"


def test_a_series_of_attacks_stands_for_the_attacks(nlp: Language) -> None:
    text = "A wave of Turkish airstrikes killed four fighters near the border on Tuesday."
    assert subject_span(nlp, text, "killed") == "Turkish"


def test_an_attack_with_no_owner_stays_a_noun_phrase(nlp: Language) -> None:
    doc = nlp("The airstrikes killed four fighters near the border.")
    head = next(t for t in doc if t.text == "airstrikes")
    span = participant(head)
    assert span is not None and span.label == "NOUN"


def test_the_north_as_subject_is_a_state_candidate(nlp: Language) -> None:
    doc = nlp("North Korea denied it. The North fired two missiles into the sea on Sunday.")
    head = next(t for t in doc if t.text == "fired")
    found = spans(subject_of(head))
    assert [(s.text, s.label) for s in found] == [("North", "GPE")]  # the tagger calls it a LOC


def test_conjoined_owners_keep_the_whole_phrase(nlp: Language) -> None:
    text = "U.S. and British warplanes struck targets in Yemen on Thursday."
    doc = nlp(text)
    head = next(t for t in doc if t.text == "struck")
    found = spans(subject_of(head))
    assert found and found[0].text != "U.S."  # both states, not the first alone
