"""Per-document actor resolution on hand-made texts (no spaCy model): entities are given by offset."""

from __future__ import annotations

import pytest

from extract.actors import DocumentActors
from extract.mention import Span


def _doc(text: str, ents: list[tuple[str, str]]) -> DocumentActors:
    """Entities as (surface, label); each is found at its first occurrence not inside an earlier one."""
    spans: list[tuple[int, int, str]] = []
    for surface, label in ents:
        start = text.index(surface)
        while any(s <= start < e for s, e, _ in spans):
            start = text.index(surface, start + 1)
        spans.append((start, start + len(surface), label))
    return DocumentActors("doc.txt", text, spans)


def _span(text: str, surface: str, label: str = "NOUN", nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Span(surface, start, start + len(surface), label)


CHILE = (
    "Chilean Defence Minister Carla Ruiz Vega met troops on Monday. "
    "Ruiz Vega said the army was ready. The Chilean defence minister later flew home, and she thanked them."
)
KENYA = (
    "Kenya's acting Prime Minister, Jomo Otieno, spoke to the envoy. "
    "Otieno, the Kenyan premier, then called Nairobi's mayor."
)
BRACKET = "The Armed Forces of the Sahel (AFS) attacked a convoy. The AFS later withdrew."


@pytest.mark.parametrize(
    ("text", "ents", "surface", "label", "nth", "expected"),
    [
        # surname -> the full name in the document
        (
            CHILE,
            [("Carla Ruiz Vega", "PERSON"), ("Ruiz Vega", "PERSON")],
            "Ruiz Vega",
            "PERSON",
            1,
            "Carla Ruiz Vega",
        ),
        # role noun -> the person last named with that title
        (
            CHILE,
            [("Carla Ruiz Vega", "PERSON")],
            "The Chilean defence minister",
            "NOUN",
            0,
            "Carla Ruiz Vega",
        ),
        # pronoun -> the most recent person
        (
            CHILE,
            [("Carla Ruiz Vega", "PERSON"), ("Ruiz Vega", "PERSON")],
            "she",
            "PRON",
            0,
            "Carla Ruiz Vega",
        ),
        # apposition before the name; "premier" is a Prime Minister
        (
            KENYA,
            [("Jomo Otieno", "PERSON"), ("Otieno", "PERSON")],
            "the Kenyan premier",
            "NOUN",
            0,
            "Jomo Otieno",
        ),
        # capital city as an actor is its country
        (KENYA, [("Nairobi", "GPE")], "Nairobi", "GPE", 0, "Kenya"),
        # acronym in brackets -> its long form
        (BRACKET, [], "The AFS", "ORG", 0, "Armed Forces of the Sahel"),
    ],
)
def test_resolution(
    text: str, ents: list[tuple[str, str]], surface: str, label: str, nth: int, expected: str
) -> None:
    actor = _doc(text, ents).resolve(_span(text, surface, label, nth))
    assert actor is not None
    assert actor.name == expected


@pytest.mark.parametrize(
    ("text", "surface", "name", "kind"),
    [
        (
            "Turkish-backed factions shelled the town.",
            "Turkish-backed factions",
            "Turkey-backed militias",
            "group",
        ),
        ("Pro-Russia rebels took the hill.", "Pro-Russia rebels", "Russia-backed rebels", "group"),
        ("The Peruvian government protested.", "The Peruvian government", "Peru", "gpe"),
        (
            "A senior Egyptian security official said so.",
            "A senior Egyptian security official",
            "senior Egyptian security official",
            "person",
        ),
        ("Xinhua reported the clash.", "Xinhua", "Xinhua", "media"),
        ("The Houthis fired missiles.", "The Houthis", "Houthis", "group"),
    ],
)
def test_descriptors_and_lexicons(text: str, surface: str, name: str, kind: str) -> None:
    actor = _doc(text, []).resolve(_span(text, surface))
    assert actor is not None
    assert (actor.name, actor.kind) == (name, kind)


@pytest.mark.parametrize(
    ("text", "person", "role", "org"),
    [
        ("Brazilian Foreign Minister Ana Costa arrived.", "Ana Costa", "Foreign Minister", "Brazil"),
        ("Ana Costa, Brazil's foreign minister, arrived.", "Ana Costa", "Foreign Minister", "Brazil"),
        ("A Kremlin spokesman, Col. Ivan Petrov, spoke.", "Ivan Petrov", "Spokesperson", "Kremlin"),
    ],
)
def test_titles_become_roles(text: str, person: str, role: str, org: str) -> None:
    ents = [
        (person, "PERSON"),
        *[
            (w, "GPE" if w == "Brazil" else "NORP")
            for w in ("Brazil", "Brazilian")
            if w + " " in text or w + "'" in text
        ],
    ]
    doc = _doc(text, ents)
    actor = next(a for a in doc.actors if a.kind == "person")
    assert actor.name == person
    assert [(r, o.name if o else None) for r, o in actor.roles] == [(role, org)]


def test_given_name_the_model_missed_is_taken_in() -> None:
    text = "He met the minister, Ahmed Karim Saleh, on Friday."
    doc = _doc(text, [("Karim Saleh", "PERSON")])
    assert [a.name for a in doc.actors if a.kind == "person"] == ["Ahmed Karim Saleh"]


def test_pronoun_skips_people_inside_quotes() -> None:
    text = 'Lena Berg spoke. "I called Tom Hale," she said, and he left.'
    doc = _doc(text, [("Lena Berg", "PERSON"), ("Tom Hale", "PERSON")])
    actor = doc.resolve(_span(text, "he", "PRON"))
    assert actor is not None and actor.name == "Lena Berg"


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
    actor = actors.resolve(_span(MISLABEL, surface, label, nth))
    assert actor is not None
    assert (actor.kind, actor.name) == (kind, expected)


def test_country_is_never_taken_for_a_person() -> None:
    text = "Kenya said on Monday that talks would resume."
    actor = DocumentActors("doc.txt", text, [(0, 5, "GPE")], known_people=["Kenya Moore"]).resolve(
        Span("Kenya", 0, 5, "GPE")
    )
    assert actor is not None and actor.kind == "gpe"
