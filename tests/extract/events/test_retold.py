"""A happening told once and referred back to is one event; a different one placed before it is not."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from eventgraph.extract.events.continuity import drop_retold, same_speaker
from eventgraph.extract.events.dating import attach_dates
from eventgraph.extract.events.detect import detect
from eventgraph.extract.events.mention import Span
from eventgraph.extract.nlp import load


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def _events(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    mentions = detect(doc, "a.txt")
    attach_dates(doc, mentions, date(2025, 7, 16))
    return [(m.type, m.trigger) for m in drop_retold(doc, mentions) if m.type != "statement"]


@pytest.mark.slow
def test_undated_retelling_of_an_attack_is_dropped(nlp: Language) -> None:
    text = (
        "Israeli warplanes struck the defence ministry in Damascus on Wednesday, killing one person. "
        "Huge explosions were seen as Israel bombed the ministry during a live broadcast."
    )
    assert _events(nlp, text) == [("airstrike", "struck")]


@pytest.mark.slow
def test_calls_with_different_partners_are_different_events(nlp: Language) -> None:
    text = (
        "Fidan held a phone call with Marco Rubio on Wednesday. "
        "He also talked with his Jordanian counterpart Ayman Safadi over the phone."
    )
    assert [t for t, _ in _events(nlp, text)] == ["phone_call", "phone_call"]


@pytest.mark.slow
def test_event_placed_before_another_is_its_own(nlp: Language) -> None:
    text = (
        "On Sunday, a drone strike killed 21 civilians near Gao. "
        "The strike came two days after jihadist fighters ambushed a convoy."
    )
    assert ("other_attack", "ambushed") in _events(nlp, text)


@pytest.mark.slow
def test_arrests_and_raids_told_again_are_one_operation(nlp: Language) -> None:
    text = (
        "Nine people were arrested on Tuesday after police raided six addresses in Northtown. "
        "Officers seized cash and two rifles, the force said."
    )
    assert [t for t, _ in _events(nlp, text)] == ["legal_action"]


@pytest.mark.slow
def test_charges_and_crowd_policing_are_steps_of_their_own(nlp: Language) -> None:
    text = (
        "Police fired tear gas at marchers in Northtown on Tuesday. "
        "Officers arrested 40 people, the police said. "
        "A man was charged with arson, the court said."
    )
    assert [t for t, _ in _events(nlp, text)].count("legal_action") == 3


def _outlet_statements(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    mentions = detect(doc, "a.txt")
    attach_dates(doc, mentions, date(2025, 7, 16))
    kept = drop_retold(doc, mentions)
    return [m.trigger for m in kept if m.type == "statement" and "Reuters" in m.agents[0].text]


@pytest.mark.slow
def test_outlet_report_told_again_is_one_report(nlp: Language) -> None:
    text = (
        "On Monday, Reuters published a report on the border talks. "
        "Reuters claimed that the envoy visited Northtown and urged calm."
    )
    assert _outlet_statements(nlp, text) == ["published"]


@pytest.mark.slow
def test_outlet_reports_on_other_days_are_two(nlp: Language) -> None:
    text = (
        "On Monday, Reuters reported that the envoy visited Northtown. "
        "On Tuesday, Reuters reported that the envoy had left."
    )
    assert _outlet_statements(nlp, text) == ["reported", "reported"]


def test_two_described_speakers_naming_different_bodies_are_two() -> None:
    office = Span("The city prosecutor's office of Northtown", 0, 40, "NOUN")
    official = Span("an Interior Ministry official", 50, 78, "NOUN")
    assert not same_speaker(office, official)
    assert same_speaker(office, Span("the office", 90, 100, "NOUN"))
    assert same_speaker(Span("Karl Berg", 0, 9, "PERSON"), Span("the top commander", 20, 37, "NOUN"))


@pytest.mark.slow
def test_shorter_description_of_the_same_people_retells(nlp: Language) -> None:
    text = (
        "More than 1,300 people were detained across Ruritania on Tuesday, a monitoring group said. "
        "It said people in 38 cities had been detained."
    )
    assert [t for t, _ in _events(nlp, text)] == ["legal_action"]


def test_descriptions_meet_only_when_one_holds_the_others_words() -> None:
    from eventgraph.extract.events.continuity import _same_name

    assert _same_name("the headquarters", "the army and defence ministry headquarters")
    assert not _same_name("his syrian counterpart", "his jordanian counterpart")
    assert _same_name("israel", "israeli")


@pytest.mark.slow
def test_attack_told_again_after_a_warning_is_the_same_attack(nlp: Language) -> None:
    text = (
        "Israeli warplanes struck the defence ministry in Damascus on Wednesday, killing one person. "
        "Israel said it bombed the ministry after warning the government to withdraw its troops."
    )
    assert _events(nlp, text) == [("airstrike", "struck")]
