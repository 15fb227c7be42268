"""Classes of events found or rejected by general mechanisms (parse, lexicons), one test per class."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventgraph.extract.events.detect import detect
from eventgraph.extract.events.mention import Mention
from eventgraph.extract.nlp import load


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def _mentions(nlp: Language, text: str) -> list[Mention]:
    return detect(nlp(text), "a.txt")


@pytest.mark.slow
def test_gerund_of_speech_takes_the_clause_subject_as_speaker(nlp: Language) -> None:
    text = "The envoy to Ruritania caused an uproar last week by saying that the border was never agreed."
    statements = [m for m in _mentions(nlp, text) if m.type == "statement"]
    assert [m.trigger for m in statements] == ["saying"]
    assert "envoy" in statements[0].agents[0].text


@pytest.mark.slow
def test_two_named_speakers_side_by_side_make_two_statements(nlp: Language) -> None:
    text = (
        "The two leaders held a long phone call, Karlsson said, "
        "while Ruritania's Foreign Ministry said it wanted to serve as a mediator."
    )
    speakers = [m.agents[0].text for m in _mentions(nlp, text) if m.type == "statement"]
    assert len(speakers) == 2
    assert "Karlsson" in speakers[0] and "Ministry" in speakers[1]


@pytest.mark.slow
def test_one_speaker_quoting_another_stays_one_statement(nlp: Language) -> None:
    text = "The ministry said Karlsson had warned that the talks would fail."
    assert [m.type for m in _mentions(nlp, text)].count("statement") == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The mediators met both delegations on Monday for talks on a nationwide ceasefire.",
        "Envoys opened negotiations over a truce with the rebels in the capital on Monday.",
    ],
)
def test_agreement_sought_in_talks_is_no_agreement(nlp: Language, text: str) -> None:
    assert "agreement" not in [m.type for m in _mentions(nlp, text)]


@pytest.mark.slow
def test_attack_named_as_a_cause_is_still_an_attack(nlp: Language) -> None:
    text = "The army shelled the town on Monday in retaliation for a rocket attack on its base on Sunday."
    assert [m.type for m in _mentions(nlp, text)].count("rocket_attack") == 1


@pytest.mark.slow
def test_outlet_trailing_another_speakers_words_is_only_the_source(nlp: Language) -> None:
    text = (
        "The city prosecutor's office warned that joining the march could lead to prison, "
        "The Daily Courier reported."
    )
    statements = [m for m in _mentions(nlp, text) if m.type == "statement"]
    assert [m.trigger for m in statements] == ["warned"]


@pytest.mark.slow
def test_outlet_reporting_first_keeps_its_own_report(nlp: Language) -> None:
    text = "The Daily Courier reported on Tuesday that the envoy visited the capital and urged calm."
    triggers = [m.trigger for m in _mentions(nlp, text) if m.type == "statement"]
    assert "reported" in triggers


@pytest.mark.slow
def test_resumed_attacks_are_an_attack_by_the_subject(nlp: Language) -> None:
    mentions = _mentions(nlp, "The rebels resumed attacks on army posts in the northern province.")
    attacks = [m for m in mentions if m.type == "other_attack"]
    assert [m.trigger for m in attacks] == ["attacks"]
    assert attacks[0].agents[0].text.endswith("rebels")


@pytest.mark.slow
def test_resumed_talk_of_attacks_already_told_is_no_new_attack(nlp: Language) -> None:
    assert _mentions(nlp, "The rebels resumed the attacks.") == []


@pytest.mark.slow
def test_named_person_killed_in_a_strike_is_a_death(nlp: Language) -> None:
    text = "The agency reported that Omar Castellan, a senior commander, was killed in the bombardment."
    deaths = [m for m in _mentions(nlp, text) if m.type == "death"]
    assert [t.text for m in deaths for t in m.targets] == ["Omar Castellan"]


@pytest.mark.slow
def test_counted_dead_are_a_toll_not_deaths(nlp: Language) -> None:
    text = "At least six people were killed in the bombardment on Monday, the monitor said."
    assert "death" not in [m.type for m in _mentions(nlp, text)]


@pytest.mark.slow
def test_naming_with_call_puts_no_mood_on_the_clause(nlp: Language) -> None:
    text = "On March 24, fighters of the group locals call al-Tariq, a local militia, stormed Northtown."
    assert "other_attack" in [m.type for m in _mentions(nlp, text)]


@pytest.mark.slow
def test_calling_for_an_attack_is_no_attack(nlp: Language) -> None:
    text = "The cleric called on his followers to attack the embassy."
    assert "other_attack" not in [m.type for m in _mentions(nlp, text)]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Each side routinely accuses the other of opening fire first.",
        "Militiamen often raid the border villages at night.",
    ],
)
def test_habits_are_no_happenings(nlp: Language, text: str) -> None:
    assert _mentions(nlp, text) == []


@pytest.mark.slow
def test_ongoing_campaign_is_no_happening(nlp: Language) -> None:
    text = "Analysts blamed the Northern Cartel, which has been fighting a rival gang for the port."
    assert "other_attack" not in [m.type for m in _mentions(nlp, text)]


@pytest.mark.slow
def test_perfect_without_progressive_is_still_a_happening(nlp: Language) -> None:
    text = "The Northern Cartel has attacked a police post in the port, officials said on Monday."
    assert "other_attack" in [m.type for m in _mentions(nlp, text)]


@pytest.mark.slow
def test_outlet_trailing_an_attack_is_its_source(nlp: Language) -> None:
    text = "Rockets struck the airport in Northtown on Monday, killing two guards, state media reported."
    types = [m.type for m in _mentions(nlp, text)]
    assert "statement" not in types and "rocket_attack" in types


@pytest.mark.slow
def test_outlet_reporting_an_attack_up_front_is_a_statement(nlp: Language) -> None:
    text = "State media reported on Monday that rockets struck the airport in Northtown."
    assert "statement" in [m.type for m in _mentions(nlp, text)]


@pytest.mark.slow
def test_forced_out_of_office_is_a_resignation(nlp: Language) -> None:
    text = "The generals forced him out on Sunday."
    assert "resignation" in [m.type for m in _mentions(nlp, text)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("The foreign minister underscored the importance of dialogue on Monday.", "claim"),
        ("The mayor welcomed the arrests on Tuesday.", "claim"),
        ("Rights groups deplored the killings in a joint statement.", "accusation"),
    ],
)
def test_more_verbs_of_speech(nlp: Language, text: str, act: str) -> None:
    statements = [m for m in _mentions(nlp, text) if m.type == "statement"]
    assert [m.attributes["speech_act"] for m in statements] == [act]


@pytest.mark.slow
def test_indefinite_speaker_after_a_quote_is_someone_new(nlp: Language) -> None:
    text = (
        "Ruritania said on Monday that talks with the rebels had gone well.\n\n"
        "“We hope to meet again in the valley next month,” an unnamed ministry source said."
    )
    assert [m.type for m in _mentions(nlp, text)].count("statement") == 2


@pytest.mark.slow
def test_pronoun_after_a_quote_goes_on_with_the_statement(nlp: Language) -> None:
    text = (
        "Ruritania's minister said on Monday that talks with the rebels had gone well.\n\n"
        "“We hope to meet again in the valley next month,” he said."
    )
    assert [m.type for m in _mentions(nlp, text)].count("statement") == 1


@pytest.mark.slow
def test_passive_blame_with_no_by_phrase_has_no_speaker(nlp: Language) -> None:
    text = (
        "Tensions rose after a deadly strike on the consulate in Northtown "
        "that has been widely blamed on Ruritania."
    )
    assert "statement" not in [m.type for m in _mentions(nlp, text)]


@pytest.mark.slow
def test_passive_speech_with_a_by_phrase_is_the_agents(nlp: Language) -> None:
    text = "The strike on the consulate was condemned by the Ruritanian foreign ministry on Monday."
    statements = [m for m in _mentions(nlp, text) if m.type == "statement"]
    assert len(statements) == 1 and "ministry" in statements[0].agents[0].text


@pytest.mark.slow
def test_killing_by_its_own_doer_beside_another_attack_is_its_own(nlp: Language) -> None:
    text = (
        "Late last month, gunmen killed a mayor in Northtown, and in March a firefight between "
        "rival gangs left 14 people dead near Southtown."
    )
    attacks = [m.trigger for m in _mentions(nlp, text) if m.type == "other_attack"]
    assert sorted(attacks) == ["firefight", "killed"]


@pytest.mark.slow
def test_killing_in_an_attack_stays_its_toll(nlp: Language) -> None:
    text = "Militants stormed the army base on Monday and killed two soldiers."
    assert [m.type for m in _mentions(nlp, text)] == ["other_attack"]


@pytest.mark.slow
def test_a_wave_of_attacks_someone_unleashed_is_an_attack(nlp: Language) -> None:
    text = (
        "The police withdrew their support, and the rebels unleashed a wave of attacks on government allies."
    )
    attacks = [m for m in _mentions(nlp, text) if m.type == "other_attack"]
    assert [m.trigger for m in attacks] == ["attacks"]
    assert attacks[0].agents and attacks[0].agents[0].text.endswith("rebels")


@pytest.mark.slow
def test_a_series_only_named_is_no_new_attack(nlp: Language) -> None:
    text = "The two raids followed a series of drone strikes by the militias."
    assert [m.trigger for m in _mentions(nlp, text) if m.trigger == "strikes"] == []


@pytest.mark.slow
def test_account_of_a_named_partys_condemnation_is_two_statements(nlp: Language) -> None:
    text = (
        "The envoys of Ruritania and Freedonia have condemned the missile launch during their talks, "
        "Ruritania's foreign ministry said on Monday."
    )
    triggers = [m.trigger for m in _mentions(nlp, text) if m.type == "statement"]
    assert triggers == ["condemned", "said"]


@pytest.mark.slow
def test_trailing_attribution_of_a_plain_claim_stays_one_statement(nlp: Language) -> None:
    text = "The envoys of Ruritania stressed that the talks were useful, the foreign ministry said on Monday."
    assert [m.type for m in _mentions(nlp, text)].count("statement") == 1


@pytest.mark.slow
def test_the_same_body_named_again_by_its_head_noun_goes_on(nlp: Language) -> None:
    text = (
        "“The grid is down across the country,” the Ruritanian Energy Ministry said on Monday.\n\n"
        "The ministry said that as a result most consumers were facing outages."
    )
    assert [m.type for m in _mentions(nlp, text)].count("statement") == 1


@pytest.mark.slow
def test_a_deed_that_underscores_something_is_no_speaker(nlp: Language) -> None:
    assert "statement" not in [
        m.type for m in _mentions(nlp, "The raid underscored the fragility of the truce.")
    ]
