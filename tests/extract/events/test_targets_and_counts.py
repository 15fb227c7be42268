"""Who a mention is about, read off the real parse: the subject of a reported clause, a country an
attack is made on, the owner of a protested act, counted references back to named participants, and
a call the parse hangs from the wrong verb. Sentences are made up, about other conflicts than the dev sets."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from eventgraph.extract.events.detect import detect
from eventgraph.extract.events.mention import Mention
from eventgraph.extract.nlp import load
from eventgraph.extract.pipeline.run import extract_paths


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def found(nlp: Language, text: str, event_type: str) -> list[Mention]:
    return [m for m in detect(nlp(text), "doc.txt") if m.type == event_type]


def texts(spans: list) -> list[str]:  # type: ignore[type-arg]
    return [s.text for s in spans]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "targets"),
    [
        # the named subject of the reported clause is whom the statement is about
        ("The Kenyan minister said the Ethiopian army would withdraw from the border.", ["Ethiopian army"]),
        ("The spokesman warned that Hamas would pay a heavy price.", ["Hamas"]),
        ("Sudan's army is to blame for the shelling, the envoy said on Monday.", ["Sudan's army"]),
        # a description a named state owns ("Kenya's parliament")
        ("The president said Kenya's parliament should approve the deal.", ["Kenya's parliament"]),
        # a people named by its plural is a population, not an actor
        ("The governor said Nigerians will have to wait for the new bridge.", []),
        # whom the speaker was talking with is addressed
        ("The Kenyan minister, while speaking with Abiy Ahmed, urged that the talks resume.", ["Abiy Ahmed"]),
        # a speaker of a report inside the report makes a statement of its own
        ("An aide told reporters that Ruto had insisted on new talks.", []),
    ],
)
def test_statement_targets_come_from_the_reported_clause(
    nlp: Language, sentence: str, targets: list[str]
) -> None:
    statements = found(nlp, sentence, "statement")
    assert statements, sentence
    assert texts(statements[0].targets) == targets


@pytest.mark.slow
def test_an_attack_on_a_country_targets_its_state_but_not_in_a_country_or_on_a_city(nlp: Language) -> None:
    on_state = found(
        nlp, "Houthi forces launched missile attacks on Saudi Arabia on Sunday.", "missile_attack"
    )
    assert on_state and "Saudi Arabia" in texts(on_state[0].targets)
    in_state = found(nlp, "Gunmen carried out an attack in Kenya on Monday.", "other_attack")
    assert in_state and "Kenya" not in texts(in_state[0].targets)
    on_city = found(nlp, "Government forces launched missile strikes on Baghdad on Monday.", "missile_attack")
    assert on_city and on_city[0].targets == [] and on_city[0].place is not None


@pytest.mark.slow
def test_counted_references_stand_for_the_people_named_before(nlp: Language) -> None:
    sides = found(
        nlp, "Hamas and Fatah met in Cairo on Monday. Both sides signed a unity deal on Tuesday.", "agreement"
    )
    assert sides and texts(sides[0].agents) == ["Hamas", "Fatah"]
    text = (
        "President Emmanuel Macron and Prime Minister Giorgia Meloni met in Paris on Monday. "
        "The two leaders signed a defence agreement on Tuesday."
    )
    agreements = found(nlp, text, "agreement")
    assert agreements and texts(agreements[0].agents) == ["Emmanuel Macron", "Giorgia Meloni"]


@pytest.mark.slow
def test_a_count_the_text_before_does_not_fill_is_dropped(nlp: Language) -> None:
    text = "President Emmanuel Macron arrived in Rome on Monday. The three leaders signed a pact on Tuesday."
    agreements = found(nlp, text, "agreement")
    assert agreements and agreements[0].agents == []


@pytest.mark.slow
def test_a_call_hung_from_an_attack_verb_belongs_to_the_speakers(nlp: Language) -> None:
    text = (
        "Chilean President Gabriel Boric and Argentine President Javier Milei spoke for the first time "
        "since rebels attacked the capital during a phone call on Monday."
    )
    calls = found(nlp, text, "phone_call")
    assert calls and texts(calls[0].agents) == ["Gabriel Boric", "Javier Milei"]


def _events(tmp_path: Path, text: str) -> list[tuple[str, list[str], list[str]]]:
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\n" + text + "\n", encoding="utf-8")
    batch = extract_paths([path], {"a.txt": {"published": "2023-03-16"}}, warn=lambda _: None)
    names = {a.id: a.name for a in batch.actors}
    return [(e.type, [names[a] for a in e.agents], [names[t] for t in e.targets]) for e in batch.events]


@pytest.mark.slow
def test_a_statement_is_not_about_the_speakers_own_state(tmp_path: Path) -> None:
    text = "French Foreign Minister Catherine Colonna said France and Italy would hold talks on migration."
    statements = [e for e in _events(tmp_path, text) if e[0] == "statement"]
    assert statements and statements[0][2] == ["Italy"]


@pytest.mark.slow
def test_a_protest_against_someones_act_targets_them(tmp_path: Path) -> None:
    text = "Thousands of farmers protested Prime Minister Narendra Modi's farm laws in Delhi on Monday."
    protests = [e for e in _events(tmp_path, text) if e[0] == "protest"]
    assert protests and protests[0][2] == ["Narendra Modi"]


@pytest.mark.slow
def test_a_calls_purpose_clause_and_a_list_after_counterparts_name_the_other_side(nlp: Language) -> None:
    text = (
        "Kenya's envoy William Ruto spoke by phone on Monday to discuss the ceasefire with his "
        "British and American counterparts, John Smith and Maria Garcia, respectively, the ministry said."
    )
    calls = found(nlp, text, "phone_call")
    assert calls and texts(calls[0].targets) == ["John Smith", "Maria Garcia"]


@pytest.mark.slow
def test_they_after_an_event_of_named_people_stands_for_them(nlp: Language) -> None:
    text = (
        "President Emmanuel Macron and Prime Minister Giorgia Meloni met in Rome on Monday. "
        "They also agreed to hold talks on migration."
    )
    agreements = found(nlp, text, "agreement")
    assert agreements and texts(agreements[0].agents) == ["Emmanuel Macron", "Giorgia Meloni"]
    # after an event of one person, "they" is left to the resolver
    alone = found(
        nlp, "President Emmanuel Macron met the farmers in Rome on Monday. They agreed to talk.", "agreement"
    )
    assert alone and texts(alone[0].agents) == ["They"]


def test_a_country_the_tagger_calls_a_person_is_not_counted_among_the_people() -> None:
    from eventgraph.extract.events.mention import Span
    from eventgraph.extract.events.participants import COUNT_REFERENCE, expand_counts

    # "President A spoke with Chad's President B ... The two leaders": "Chad" tagged as a person
    ents = [
        Span("Idriss Amar", 10, 21, "PERSON"),
        Span("Chad", 40, 44, "PERSON"),
        Span("Omar Dabo", 57, 66, "PERSON"),
    ]
    count = Span("The two leaders", 80, 95, f"{COUNT_REFERENCE}:person:2")
    assert [s.text for s in expand_counts(ents, [count])] == ["Idriss Amar", "Omar Dabo"]
