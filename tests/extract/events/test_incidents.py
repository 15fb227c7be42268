"""Incident reports in the analysts' style: the CAMEO-derived vocabulary finds an event of the
right type, and casualty counts land in ``killed`` / ``wounded`` as integers.

The reports in tests/fixtures/incidents/ are invented, across many countries and incident kinds
(``heldout.jsonl`` was written after the mechanisms and first run unchanged: 27 of 30 yielded an
event; ``probes.jsonl`` and ``probes2.jsonl`` were written to look for gaps, most of which were then
closed; ``heldout2.jsonl`` was written after those fixes and run once: 29 of 30 yielded an event,
26 of 30 passed this test).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from eventgraph.extract.events.casualties import counts
from eventgraph.extract.events.detect import detect
from eventgraph.extract.events.mention import Mention
from eventgraph.extract.lexicons.incidents import (
    INCIDENT_NOUNS,
    INCIDENT_VERBS,
    SUPPORT_PHRASES,
    VERBS_FILE,
    inflected_lemma,
)
from eventgraph.extract.nlp import load
from eventgraph.graph.model import EVENT_TYPES

FIXTURES = Path(__file__).parents[2] / "fixtures" / "incidents"
ROOT = Path(__file__).parents[3]
CAMEO = ROOT.parent / "shared" / "resources" / "petrarch2" / "CAMEO.2.0.txt"
FAMILY = dict.fromkeys(
    ["rocket_attack", "drone_attack", "missile_attack", "airstrike", "other_attack"], "attack"
)
# Reports the rules do not read yet, kept to show the gap.
KNOWN_MISSES = {
    "the body of a kidnapped businessman": "a body found is not read as a killing",
    "a sniper shot dead a teenager": "the parser reads 'shot' as a noun",
    "a man was shot and injured": "the agent of a conjoined passive is not read",
    "a journalist was beaten by police": "'beat' is left out of the lexicon (sports)",
    # heldout2.jsonl, written after the second round of fixes; its first run failed 4 here (2 closed since):
    "attacked Gajiram town (Borno) with mortars": "mortars type the attack rocket_attack (same family)",
    "a child was killed by a mortar round": "the relative clause's 'hit' is the event, typed rocket_attack",
}


def _reports() -> list[Any]:
    out: list[Any] = []
    for name in ("reports.jsonl", "heldout.jsonl", "probes.jsonl", "probes2.jsonl", "heldout2.jsonl"):
        for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
            report = json.loads(line)
            miss = next((why for text, why in KNOWN_MISSES.items() if text in report["text"]), None)
            marks = [pytest.mark.xfail(reason=miss, strict=True)] if miss else []
            out.append(pytest.param(report, id=report["text"][20:60], marks=marks))
    return out


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def mentions(nlp: Language, text: str) -> list[Mention]:
    return detect(nlp(text), "report.txt")


def test_derived_lexicon_names_only_known_types() -> None:
    types = set(INCIDENT_VERBS.values()) | set(INCIDENT_NOUNS.values()) | set(SUPPORT_PHRASES.values())
    assert types <= set(EVENT_TYPES)
    assert {"kidnap", "abduct", "torch", "loot", "behead", "riot", "detain"} <= set(INCIDENT_VERBS)
    assert "MIT License" in VERBS_FILE.read_text(encoding="utf-8")  # the source's notice travels with it


@pytest.mark.skipif(not CAMEO.exists(), reason="the CAMEO dictionary is not beside the repository")
def test_committed_lexicon_is_what_the_script_derives() -> None:
    script = ROOT / "scripts" / "derive_incident_verbs.py"
    out = subprocess.run(
        [sys.executable, str(script), str(CAMEO)], capture_output=True, text=True, check=True
    )
    assert out.stdout == VERBS_FILE.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("report", _reports())
def test_incident_report_yields_its_event_and_casualties(nlp: Language, report: dict[str, Any]) -> None:
    found = mentions(nlp, report["text"])
    assert report["type"] in {m.type for m in found}, [(m.type, m.trigger) for m in found]
    if report["killed"] or report["wounded"]:
        tolls = [(m.attributes.get("killed"), m.attributes.get("wounded")) for m in found]
        assert (report["killed"], report["wounded"]) in tolls


COUNTS = [
    ("Gunmen killed two soldiers and wounded five civilians near Gao.", {"killed": 2, "wounded": 5}),
    ("The bomb left four dead and 11 injured.", {"killed": 4, "wounded": 11}),
    ("At least 12 people were killed in the clashes.", {"killed": 12}),
    ("Three civilians died in the shelling.", {"killed": 3}),
    ("The massacre claimed the lives of 37 villagers.", {"killed": 37}),
    ("Militants stabbed a guard to death.", {"killed": 1}),
    ("The strike killed one person and wounded another 18.", {"killed": 1, "wounded": 18}),
    # Counts of weapons, attacks and years are no victims.
    ("Fourteen rockets hit the base in 2019, wounding three soldiers.", {"wounded": 3}),
    ("Two rocket attacks hit the airport in 2020.", {}),
    ("The 2019 attack killed nobody.", {"killed": 0}),
    # Stated tolls in the analysts' shorthand, and denials, which state zero.
    ("Fatalities: 3.", {"killed": 3}),
    ("No casualties were reported.", {"killed": 0, "wounded": 0}),
    ("No one was killed.", {"killed": 0}),
    ("There were no injuries.", {"wounded": 0}),
    ("Casualties unknown.", {}),
    ("A child was killed.", {"killed": 1}),
    # States a verb reports or finds, "dead" on the object, and a part of a count already given.
    ("Four combatants were reported dead.", {"killed": 4}),
    ("Three aid workers were found killed near the road.", {"killed": 3}),
    ("The fighting left at least 20 people dead, including civilians.", {"killed": 20}),
    ("Police shot dead 9 demonstrators.", {"killed": 9}),
    ("The raid left 28 people dead, among them one officer.", {"killed": 28}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "expected"), COUNTS)
def test_casualty_counts_bind_to_harm_words(nlp: Language, sentence: str, expected: dict[str, int]) -> None:
    totals: dict[str, int] = {}
    for count in counts(nlp(sentence)):
        totals[count.kind] = totals.get(count.kind, 0) + count.number
    assert totals == expected


@pytest.mark.slow
def test_casualties_are_attributes_of_the_attack_not_of_its_count(nlp: Language) -> None:
    (attack,) = [
        m
        for m in mentions(nlp, "Militants fired six rockets at Erbil airport on Monday, killing two.")
        if m.type != "statement"
    ]
    assert attack.type == "rocket_attack"
    assert attack.attributes["count"] == 6
    assert attack.attributes["killed"] == 2
    assert attack.attributes["casualties"]["killed"] == 2  # the older attribute stays in step
    assert "wounded" not in attack.attributes


@pytest.mark.slow
def test_toll_of_a_following_sentence_goes_to_the_previous_incident(nlp: Language) -> None:
    found = mentions(
        nlp, "On 4 May 2021, an explosion hit a bus station in Kabul. Two civilians were killed."
    )
    assert [(m.type, m.attributes.get("killed")) for m in found] == [("other_attack", 2)]


@pytest.mark.slow
def test_a_following_breakdown_does_not_add_to_the_toll(nlp: Language) -> None:
    text = (
        "Two bombs exploded outside embassies in Nairobi and Dar es Salaam on Friday, killing at least 81 "
        "people. At least 74 were killed in Nairobi."
    )
    assert [m.attributes.get("killed") for m in mentions(nlp, text)] == [81]


@pytest.mark.slow
def test_chained_attack_verbs_keep_the_weapon_type(nlp: Language) -> None:
    found = mentions(
        nlp, "On 3 May 2019, militants stormed a village and fired mortar shells at a police post."
    )
    assert [m.type for m in found] == ["rocket_attack"]


@pytest.mark.slow
def test_a_death_toll_goes_to_the_attack_that_caused_it(nlp: Language) -> None:
    found = mentions(nlp, "On 12 March 2022, three civilians died when shells hit their house in Mykolaiv.")
    assert {(m.type, m.attributes.get("killed")) for m in found} == {("other_attack", 3), ("death", 3)}


@pytest.mark.slow
def test_one_incident_per_chain_of_verbs(nlp: Language) -> None:
    found = mentions(
        nlp, "On 2 June 2020, gunmen opened fire on a market in Kano, killing seven and wounding nine."
    )
    assert [(m.type, m.attributes.get("killed"), m.attributes.get("wounded")) for m in found] == [
        ("other_attack", 7, 9)
    ]


WHO_ACTS = [
    ("Police raided a warehouse in Lagos on Friday.", "legal_action"),
    ("Armed men raided a village in Zamfara on Friday.", "other_attack"),
    ("Soldiers seized a cache of weapons near Gao on Monday.", "legal_action"),
    ("Rebels seized weapons from an army depot on Monday.", "other_attack"),
    ("Police fired tear gas at demonstrators in Nairobi on Tuesday.", "legal_action"),
    ("Rioters torched a bank in Beirut on Tuesday.", "protest"),
    ("On 7 July 2021, residents blocked the main road in Kisii to protest a killing.", "protest"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "expected"), WHO_ACTS)
def test_who_acts_decides_raids_and_seizures(nlp: Language, sentence: str, expected: str) -> None:
    assert expected in {m.type for m in mentions(nlp, sentence)}


SUPPORT_VERBS = [
    ("On 3 June 2021, a mob hacked a man to death in Kisumu.", "other_attack"),
    ("On 4 April 2022, nurses went on strike in Lagos.", "protest"),
    ("On 2 May 2020, soldiers and rebels exchanged fire near Bunia.", "other_attack"),
    ("The two envoys spoke by phone on Sunday to discuss the launch with their counterpart.", "phone_call"),
    ("The foreign ministers held phone talks on Monday.", "phone_call"),
    ("The finance minister stepped aside on Friday.", "resignation"),
    ("The interior minister was dismissed by presidential decree on Monday.", "resignation"),
    # A misread inflection, a toll that makes fighting an incident, riots and dispersed protests.
    ("On 4 May 2022, soldiers raped two women during a raid on a village.", "other_attack"),
    ("On 9 June 2022, fighting between the two forces near the town left 13 soldiers dead.", "other_attack"),
    ("On 3 May 2021, rioters clashed with police in the city centre.", "protest"),
    ("On 7 May 2021, soldiers fired into the air to disperse students protesting in the city.", "protest"),
    # The negation after a semicolon is about the toll, not the clash before it.
    ("On 8 May 2021, two militias clashed near the town; casualties were not reported.", "other_attack"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "expected"), SUPPORT_VERBS)
def test_support_verbs_and_phrases_name_events(nlp: Language, sentence: str, expected: str) -> None:
    assert expected in {m.type for m in mentions(nlp, sentence)}


NOT_INCIDENTS = [
    "The opposition blasted the budget on Monday.",
    "Mediators defused tensions between the two parties on Sunday.",
    "The company fired 200 workers in March.",
    "The minister threw a party for the delegation.",
    "Prices fell sharply in May.",
    "The talks were held amid near-daily clashes along the border.",
    "The war has killed more than 300,000 people.",
    "On 2 March 2020, 73 soldiers were killed when two military helicopters crashed.",
    "A loyalist of the ousted prime minister spoke to reporters.",
    "The plan is designed to isolate and strangle the country's economy.",
    "Investors are betting on an imminent clash between the two carmakers.",
    "A boat wreck killed his mother and ten others.",
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence", NOT_INCIDENTS)
def test_everyday_senses_are_no_incidents(nlp: Language, sentence: str) -> None:
    found = [m for m in mentions(nlp, sentence) if m.type != "statement"]
    assert [m.type for m in found if FAMILY.get(m.type) == "attack" or m.type == "resignation"] == []


@pytest.mark.slow
def test_harm_in_a_when_clause_keeps_the_attack(nlp: Language) -> None:
    """ "a soldier was killed when militants attacked": the attack is the event, the killing its toll."""
    found = [
        m
        for m in mentions(
            nlp, "On 22 February 2021, a soldier was killed when militants attacked a checkpoint."
        )
    ]
    assert [(m.type, m.trigger, m.attributes.get("killed")) for m in found] == [
        ("other_attack", "attacked", 1)
    ]


@pytest.mark.slow
def test_denied_toll_goes_to_the_previous_sentences_attack(nlp: Language) -> None:
    text = (
        "On 12 January 2021, militants fired mortar shells at a base in Balcad. No casualties were reported."
    )
    (attack,) = mentions(nlp, text)
    assert (attack.attributes.get("killed"), attack.attributes.get("wounded")) == (0, 0)


@pytest.mark.slow
def test_crowd_control_aimed_at_protesters_is_also_the_protest(nlp: Language) -> None:
    found = mentions(nlp, "On 13 May 2021, police fired tear gas at protesters in Beita.")
    assert {m.type for m in found} == {"legal_action", "protest"}
    (protest,) = [m for m in found if m.type == "protest"]
    assert [a.text for a in protest.agents] == ["protesters"]


@pytest.mark.parametrize(
    ("form", "lemma", "expected"),
    [
        ("raped", "rap", "rape"),
        ("shelled", "shell", "shell"),
        ("raping", "rap", "rape"),
        ("rapped", "rap", "rap"),
    ],
)
def test_misread_inflections_get_their_incident_verb_back(form: str, lemma: str, expected: str) -> None:
    assert inflected_lemma(form, lemma) == expected
