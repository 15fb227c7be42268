"""Finding names: given names the model missed, mislabelled persons and outlets, lexicon names."""

from __future__ import annotations

import pytest
from actor_texts import make_doc, make_span

from eventgraph.extract.actors import DocumentActors
from eventgraph.extract.events.mention import Span


def test_given_name_the_model_missed_is_taken_in() -> None:
    text = "He met the minister, Ahmed Karim Saleh, on Friday."
    doc = make_doc(text, [("Karim Saleh", "PERSON")])
    assert [a.name for a in doc.actors if a.kind == "person"] == ["Ahmed Karim Saleh"]


MISLABEL = (
    "Gen. Okafor inspected the troops. Amina Bello said the visit went well. Later Bello told reporters more."
)


@pytest.mark.parametrize(
    ("ents", "known", "surface", "label", "nth", "kind", "expected"),
    [
        # a rank before the name: a person, whatever the model says
        ([("Okafor", "ORG")], [], "Okafor", "ORG", 0, "person", "Okafor"),
        # tagged GPE here but a person elsewhere in the same article
        ([("Amina Bello", "PERSON"), ("Bello", "GPE")], [], "Bello", "GPE", 1, "person", "Amina Bello"),
        # tagged ORG here, a person in another article of the batch
        ([("Bello", "ORG")], ["Amina Bello"], "Bello", "ORG", 1, "person", "Bello"),
        # left untagged: the surname of a person the article names
        ([("Amina Bello", "PERSON")], [], "Bello", "NOUN", 1, "person", "Amina Bello"),
    ],
)
def test_mislabelled_persons(
    ents: list[tuple[str, str]],
    known: list[str],
    surface: str,
    label: str,
    nth: int,
    kind: str,
    expected: str,
) -> None:
    spans: list[tuple[int, int, str]] = []
    for text, lab in ents:
        start = MISLABEL.index(text)
        while any(s <= start < e for s, e, _ in spans):
            start = MISLABEL.index(text, start + 1)
        spans.append((start, start + len(text), lab))
    actors = DocumentActors("doc.txt", MISLABEL, spans, known_people=known)
    actor = actors.resolve(make_span(MISLABEL, surface, label, nth))
    assert actor is not None
    assert (actor.kind, actor.name) == (kind, expected)


def test_country_is_never_taken_for_a_person() -> None:
    text = "Kenya said on Monday that talks would resume."
    actor = DocumentActors("doc.txt", text, [(0, 5, "GPE")], known_people=["Kenya Moore"]).resolve(
        Span("Kenya", 0, 5, "GPE")
    )
    assert actor is not None and actor.kind == "gpe"


@pytest.mark.parametrize(
    ("text", "ents", "surface", "kind"),
    [
        # an unknown outlet the model tags PERSON: apposition cue
        ("Sabah, the media outlet of the ruling party, cited him.", [("Sabah", "PERSON")], "Sabah", "media"),
        # one-word name that "reported"
        ("On Monday Jornal reported the raid.", [("Jornal", "PERSON")], "Jornal", "media"),
        # a person who reported, known by a fuller name, stays a person
        (
            "Maria Jornal visited. Later Jornal reported the raid.",
            [("Maria Jornal", "PERSON"), ("Jornal", "PERSON")],
            "Jornal",
            "person",
        ),
    ],
)
def test_outlets_tagged_as_persons(text: str, ents: list[tuple[str, str]], surface: str, kind: str) -> None:
    nth = 1 if text.count(surface) > 1 else 0
    actor = make_doc(text, ents).resolve(make_span(text, surface, "PERSON", nth))
    assert actor is not None and actor.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "Reuters reported the strike on Monday.",
        "Reuters reported the strike in İzmir on Monday.",  # a letter that matches "i" case-insensitively
        "The raid, REUTERS said, hit a depot at 300 K.",  # the Kelvin sign
    ],
)
def test_lexicon_names_found_whatever_else_the_text_holds(text: str) -> None:
    assert [a.name for a in make_doc(text, []).actors if a.kind == "media"] == ["Reuters"]


@pytest.mark.parametrize(
    ("text", "entity", "expected"),
    [
        # a lexicon word inside a longer name the tagger gives is that name's word, not the lexicon body
        ("The Zambia Congress of Trade Unions called a strike.", "Zambia Congress of Trade Unions", False),
        ("The Indian National Congress called a strike.", "Indian National Congress", False),
        # a country or "the" before the lexicon name adds no name of its own
        ("Lebanese Hezbollah fired rockets.", "Lebanese Hezbollah", True),
        ("The US Congress passed the bill.", "The US Congress", True),
    ],
)
def test_lexicon_name_inside_a_longer_name(text: str, entity: str, expected: bool) -> None:
    doc = make_doc(text, [(entity, "ORG")])
    canon = {"Lebanese Hezbollah", "US Congress"}
    assert any(a.name in canon for a in doc.actors) is expected


@pytest.mark.parametrize(
    ("text", "entity", "named"),
    [
        # an indefinite description the tagger calls an organisation is no name
        ("Gunmen killed two rangers at a wildlife reserve on Monday.", "a wildlife reserve", False),
        # a landmark's name is a place, never an actor
        ("Thousands marched to Liberty Square on Monday.", "Liberty Square", False),
        ("Vessels blocked boats heading to Halcyon Shoal.", "Halcyon Shoal", False),
        # a capitalised organisation after "a" still is one; so is a name with a landmark word inside
        ("A Nairobi Hill Council official said so.", "Nairobi Hill Council", True),
    ],
)
def test_descriptions_and_landmarks_name_no_actor(text: str, entity: str, named: bool) -> None:
    assert bool(make_doc(text, [(entity, "ORG")]).actors) is named
