"""Event detection: trigger lexicons, participants from the parse, and what is not an event.

Sentences are made up or come from other conflicts than the seed articles.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventgraph.extract.events.detect import detect
from eventgraph.extract.events.mention import Mention
from eventgraph.extract.lexicons.events import EVENT_NOUNS, EVENT_VERBS, WEAPONS
from eventgraph.extract.lexicons.speech import SPEECH_ACT_RANK, SPEECH_NOUNS, SPEECH_VERBS
from eventgraph.extract.nlp import load
from eventgraph.graph.model import EVENT_TYPES


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def mentions(nlp: Language, text: str) -> list[Mention]:
    return detect(nlp(text), "doc.txt")


def test_lexicons_name_only_known_types_and_acts() -> None:
    types = set(EVENT_VERBS.values()) | set(EVENT_NOUNS.values()) | {t for _, t in WEAPONS.values()}
    assert types <= set(EVENT_TYPES)
    assert set(SPEECH_VERBS.values()) | set(SPEECH_NOUNS.values()) <= set(SPEECH_ACT_RANK)


TYPES = [
    ("Hezbollah fighters fired a barrage of rockets at an Israeli army post on Sunday.", "rocket_attack"),
    ("A drone attack on a Saudi oil facility in Abqaiq caused a huge fire.", "drone_attack"),
    ("Russian warplanes carried out airstrikes on rebel positions near Idlib on Tuesday.", "airstrike"),
    ("The Houthis launched a ballistic missile at Riyadh overnight.", "missile_attack"),
    ("Gunmen stormed a police station in Kano state.", "other_attack"),
    ("Two mortar attacks hit the Green Zone in March.", "rocket_attack"),
    # a capitalised plural at the start of a sentence, which the tagger reads as a name
    ("Rockets struck the Taji base north of Baghdad on Monday.", "rocket_attack"),
    ("Netanyahu phoned Egyptian President Abdel Fattah el-Sisi on Thursday.", "phone_call"),
    ("Macron held a phone call with Iranian President Hassan Rouhani on Saturday.", "phone_call"),
    ("The Ukrainian foreign minister resigned on Friday.", "resignation"),
    ("Thousands of protesters rallied in central Hong Kong on Sunday.", "protest"),
    ("The Pentagon deployed 3,000 troops to Kuwait in January.", "deployment"),
    ("The Turkish defence minister visited Tripoli last week.", "visit"),
    ("A court in Istanbul sentenced the journalist to five years in prison.", "legal_action"),
    ("The two sides signed a ceasefire agreement in Doha.", "agreement"),
    ("The Kremlin warned Kyiv against any escalation.", "statement"),
    ("Saudi Arabia accused Iran of supplying the missiles.", "statement"),
    ("The UN secretary-general urged both sides to exercise restraint.", "statement"),
    ("Tehran denied any involvement in the tanker incidents.", "statement"),
    ("The Taliban said on Monday that they had captured the district.", "statement"),
    # passive sending, trainers as well as troops, a crowd coming back
    ("Two hundred gendarmes had been sent to the border town by Friday.", "deployment"),
    ("Spain began sending 40 military instructors to the region this month.", "deployment"),
    ("On Monday, demonstrators returned to the square in larger numbers.", "protest"),
    # people taken by an armed group; a blockade with a demand
    ("Two aid workers were seized by armed men near the border on Sunday.", "other_attack"),
    ("Taxi drivers blocked the main highway for hours on Friday, demanding lower fuel prices.", "protest"),
    # the weapon named by the subject of "carried out"
    ("Hours later, coalition warplanes carried out strikes on rebel positions in the capital.", "airstrike"),
    # crowd-control weapons turned on a boat
    ("A coast guard ship fired its water cannon at a fishing boat near the reef on Sunday.", "other_attack"),
    # the parties named as the subject; thanks said in a call an office reports
    ("The two leaders had spoken twice earlier this month about the hostages.", "phone_call"),
    (
        "The presidency said President Ana Ruiz spoke by phone with Chad's leader on Sunday and thanked him.",
        "statement",
    ),
    # a diplomatic protest
    ("Ghana summoned Togo's ambassador on Monday to protest the border incident.", "statement"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "expected"), TYPES)
def test_event_type(nlp: Language, sentence: str, expected: str) -> None:
    assert expected in {m.type for m in mentions(nlp, sentence)}


NOT_EVENTS = [
    ("The army said its air defences intercepted two rockets over the city on Monday.", "airstrike"),
    ("Neither group has claimed responsibility for the ambush.", "statement"),
    ("No one was arrested after the clashes.", "legal_action"),
    ("Ghana summoned Togo's ambassador on Monday to protest the border incident.", "protest"),
    ("The court summoned the minister to testify.", "statement"),
    ("Police seized two men and a car at the border.", "other_attack"),
    (
        "A 20-year-old man was charged with wounding in connection with that attack last month.",
        "other_attack",
    ),
    ("Taxi drivers blocked the main highway for hours on Friday, demanding lower fuel prices.", "statement"),
    ("Cyclone Idai killed more than 600 people in March 2019.", "other_attack"),
    ("The protesters returned home after the rally ended.", "protest"),
    # modal and future
    ("Any attack on our forces will be answered with a decisive response.", "other_attack"),
    ("Protesters could march on the capital next week.", "protest"),
    # negated
    ("The army did not release any casualty figures.", "statement"),
    ("Police did not arrest anyone after the march.", "legal_action"),
    # conditional
    ("If the militias strike the embassy again, Washington would retaliate.", "other_attack"),
    # planned, considered, denied
    ("Officials are considering sending more troops to the Gulf.", "deployment"),
    ("Moscow denied a report that a deployment of 10,000 troops was under discussion.", "deployment"),
    ("Washington plans to strike the camps with drones.", "drone_attack"),
    # questions
    ("Will the army attack the city?", "other_attack"),
    # anaphoric mentions of an event already told
    ("The attacks have not been claimed.", "other_attack"),
    ("The call lasted an hour.", "phone_call"),
    # asked for, not done
    ("The envoy urged the rebels to stop their attacks on aid convoys.", "other_attack"),
    # background that ranks or classes events
    ("It was the deadliest bombing in the province this year.", "other_attack"),
    ("This is the third such raid on the camp this month.", "other_attack"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "absent"), NOT_EVENTS)
def test_not_an_event(nlp: Language, sentence: str, absent: str) -> None:
    assert absent not in {m.type for m in mentions(nlp, sentence)}


SPEECH_ACTS = [
    ("The Kremlin warned Kyiv against any escalation.", "warning"),
    ("Saudi Arabia accused Iran of supplying the missiles.", "accusation"),
    ("The UN secretary-general urged both sides to exercise restraint.", "appeal"),
    ("Tehran denied any involvement in the tanker incidents.", "denial"),
    ("The minister asked his Turkish counterpart to reopen the border.", "demand"),
    ("The group threatened to kill the hostages.", "threat"),
    ("The Guardian reported that the talks had collapsed.", "report"),
    ("The general testified before the Senate committee.", "testimony"),
    ("The prime minister said the economy was recovering.", "claim"),
    ("The president told reporters that Russia was behind the hacking.", "accusation"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "act"), SPEECH_ACTS)
def test_speech_act(nlp: Language, sentence: str, act: str) -> None:
    statements = [m for m in mentions(nlp, sentence) if m.type == "statement"]
    assert [m.attributes["speech_act"] for m in statements] == [act]


PARTICIPANTS = [
    ("Hezbollah attacked an Israeli patrol near the border.", "other_attack", ["Hezbollah"], []),
    (
        "The convoy was attacked by Wagner mercenaries near Bakhmut.",
        "other_attack",
        ["Wagner mercenaries"],
        [],
    ),
    ("The Kremlin warned Kyiv against any escalation.", "statement", ["Kremlin"], ["Kyiv"]),
    ("Saudi Arabia accused Iran of supplying the missiles.", "statement", ["Saudi Arabia"], ["Iran"]),
    (
        "Netanyahu phoned Egyptian President Abdel Fattah el-Sisi.",
        "phone_call",
        ["Netanyahu"],
        ["Abdel Fattah el-Sisi"],
    ),
    (
        "Blinken spoke with Ukrainian President Volodymyr Zelensky.",
        "phone_call",
        ["Blinken"],
        ["Volodymyr Zelensky"],
    ),
    ("He resigned after the vote.", "resignation", ["He"], []),
    ("The defense secretary warned Pyongyang.", "statement", ["defense secretary"], ["Pyongyang"]),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "event_type", "agents", "targets"), PARTICIPANTS)
def test_participants(
    nlp: Language, sentence: str, event_type: str, agents: list[str], targets: list[str]
) -> None:
    found = [m for m in mentions(nlp, sentence) if m.type == event_type]
    assert found, sentence
    assert [a.text for a in found[0].agents] == agents
    assert [t.text for t in found[0].targets] == targets


ATTRIBUTES = [
    ("Militants fired 14 rockets at the air base.", {"weapon": "rocket"}),
    # a count on the attack noun counts attacks; on the weapon, weapons
    ("Militants carried out 10 rocket attacks on the base last month.", {"count": 10, "aggregate": True}),
    ("Two drone strikes hit the airport on Sunday.", {"count": 2, "aggregate": True, "weapon": "drone"}),
    # casualties: the victims as written, no empty keys
    (
        "A drone attack on Tuesday wounded three members of Chad’s border police.",
        {"casualties": {"wounded": 3, "who": "members of Chad’s border police"}},
    ),
    ("Two rocket attacks hit the airport on May 3.", {"weapon": "rocket", "count": 2}),
    ("The base was attacked with 8 rockets last night.", {"weapon": "rocket", "count": 8}),
    (
        "A car bomb attack on a checkpoint in Mogadishu on Monday killed four soldiers.",
        {"casualties": {"killed": 4, "who": "soldiers"}},
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "expected"), ATTRIBUTES)
def test_attack_attributes(nlp: Language, sentence: str, expected: dict[str, object]) -> None:
    attacks = [m for m in mentions(nlp, sentence) if m.type.endswith("attack") or m.type == "airstrike"]
    assert attacks, sentence
    assert expected.items() <= attacks[0].attributes.items()


NOT_COUNTS = [
    "Militants fired 14 rockets at the air base.",  # weapons, not attacks
    "Veterans of the Balkan war (1991-2001) saw a mortar attack hit the market on Friday.",
    "A bombing in the 1998 embassy siege killed 12 people.",
    "The raid on May 2019 positions near the river killed four fighters.",
]


@pytest.mark.slow
@pytest.mark.parametrize("sentence", NOT_COUNTS)
def test_no_count_of_attacks_from_years_or_weapons(nlp: Language, sentence: str) -> None:
    for m in mentions(nlp, sentence):
        assert "aggregate" not in m.attributes, sentence
        count = m.attributes.get("count")
        assert count is None or not 1900 <= count <= 2100, sentence
        assert all(v is not None for v in m.attributes.get("casualties", {}).values()), sentence


@pytest.mark.slow
def test_one_statement_per_sentence_but_reported_speech_is_its_own(nlp: Language) -> None:
    reported = mentions(
        nlp, "Reuters reported that General Qaani visited Damascus and urged commanders to hold back."
    )
    assert sorted((m.type, m.agents[0].text) for m in reported) == [
        ("statement", "Qaani"),
        ("statement", "Reuters"),
        ("visit", "Qaani"),
    ]
    nested = mentions(
        nlp, "The spokesman told reporters he had expressed concern and warned against escalation."
    )
    assert [(m.type, m.attributes["speech_act"]) for m in nested] == [("statement", "warning")]


@pytest.mark.slow
def test_continuing_quote_is_the_same_statement(nlp: Language) -> None:
    text = (
        "Stoltenberg warned Moscow against further escalation.\n\n"
        "“We will defend every inch of allied territory,” Stoltenberg said.\n\n"
        "“The alliance stands united,” he added."
    )
    assert [m.trigger for m in mentions(nlp, text)] == ["warned"]


@pytest.mark.slow
def test_speakers_own_account_inside_quotes_is_not_narrated(nlp: Language) -> None:
    text = "“We attacked their positions at dawn and we will do it again,” the commander said."
    assert [m.type for m in mentions(nlp, text)] == ["statement"]


@pytest.mark.slow
def test_dateline_names_are_not_participants(nlp: Language) -> None:
    found = mentions(nlp, "KABUL (Reuters) – The Taliban said on Monday they had taken the town.")
    assert [a.text for a in found[0].agents] == ["Taliban"]


@pytest.mark.slow
def test_attack_told_by_verb_and_noun_is_one_event(nlp: Language) -> None:
    found = mentions(nlp, "Hezbollah fired a barrage of rockets at an Israeli army post on Sunday.")
    assert [(m.type, [a.text for a in m.agents]) for m in found] == [("rocket_attack", ["Hezbollah"])]


SOURCING = [
    # a plain "said" that only sources the reported attack is no statement of its own
    ("Police said two rockets struck the airport in Maiduguri overnight.", ["rocket_attack"]),
    ("Two gunmen attacked a checkpoint near Mosul, officials told reporters.", ["other_attack"]),
    # ...but a claim of the speaker's own deed is news: a statement and the attack
    ("The Houthis said they launched a ballistic missile at Riyadh.", ["statement", "missile_attack"]),
    # ...and so are warnings and accusations, whatever they report
    (
        "The ministry accused Ankara of shelling two villages near the border.",
        ["statement", "other_attack"],
    ),
    # ...and a news outlet's report
    ("Reuters reported that militiamen stormed the compound.", ["statement", "other_attack"]),
    # an event only referred to ("these attacks") is no reported happening
    ("The general said these attacks would not go unanswered.", ["statement"]),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "expected"), SOURCING)
def test_sourcing_frames_are_not_statements(nlp: Language, sentence: str, expected: list[str]) -> None:
    assert sorted(m.type for m in mentions(nlp, sentence)) == sorted(expected)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("Police spokesperson Jane Moyo said 30 people had been arrested in the capital.", "legal_action"),
        (
            "Presidential spokesperson Tom Banda said the President had appointed a new finance minister.",
            "appointment",
        ),
        ("Rebel spokesman Ali Omar said the group had targeted an army base with drones.", "drone_attack"),
    ],
)
def test_spokesperson_telling_of_own_side_deed_is_a_statement_too(
    nlp: Language, sentence: str, event_type: str
) -> None:
    assert {m.type for m in mentions(nlp, sentence)} == {"statement", event_type}


@pytest.mark.slow
def test_deed_reported_with_blame_is_an_accusation(nlp: Language) -> None:
    found = mentions(nlp, "An army spokesman said on Friday that rebels had opened fire without provocation.")
    assert [m.attributes.get("speech_act") for m in found if m.type == "statement"] == ["accusation"]


@pytest.mark.slow
def test_plain_source_of_another_sides_deed_is_no_statement(nlp: Language) -> None:
    assert [m.type for m in mentions(nlp, "Police said two rockets struck the airport on Monday.")] == [
        "rocket_attack"
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Six people were arrested after police raided four houses in a crackdown on a drugs gang.", 1),
        ("A court sentenced him after police arrested him in May.", 2),
        ("A court sentenced him after police arrested him.", 2),
    ],
)
def test_one_law_enforcement_operation_per_clause_tree(nlp: Language, sentence: str, count: int) -> None:
    assert [m.type for m in mentions(nlp, sentence)].count("legal_action") == count


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The two neighbours agreed to a ceasefire in 2003.",
        "The two sides signed a peace agreement in Doha on Friday.",
    ],
)
def test_verb_and_its_event_noun_are_one_event(nlp: Language, sentence: str) -> None:
    assert [m.type for m in mentions(nlp, sentence)] == ["agreement"]
