"""Resolving participant spans: names, role nouns, pronouns, descriptions, states and forces."""

from __future__ import annotations

import pytest
from actor_texts import make_doc, make_span

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
    actor = make_doc(text, ents).resolve(make_span(text, surface, label, nth))
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
    actor = make_doc(text, []).resolve(make_span(text, surface))
    assert actor is not None
    assert (actor.name, actor.kind) == (name, kind)


def test_pronoun_skips_people_inside_quotes() -> None:
    text = 'Lena Berg spoke. "I called Tom Hale," she said, and he left.'
    doc = make_doc(text, [("Lena Berg", "PERSON"), ("Tom Hale", "PERSON")])
    actor = doc.resolve(make_span(text, "he", "PRON"))
    assert actor is not None and actor.name == "Lena Berg"


# ---- possessive titles, armed forces, militia folding, collective pronouns, outlets ------------

TITLED = (
    "The envoy spoke by phone with Peru's interim President, Rosa Quispe Mamani, on Friday. "
    "Earlier, Chile's Foreign Minister Pablo Soto met Peru's interim President in Lima. "
    "Peru's president's office declined to comment."
)
SAHEL = (
    "Russian-backed militias attacked a convoy near Gao in Mali. "
    "Malian militias later withdrew from Gao, and the militia leaders met in Bamako. "
    "They said the truce would hold. Sudanese militias were not involved."
)


@pytest.mark.parametrize(
    ("text", "ents", "surface", "label", "nth", "expected", "kind"),
    [
        # possessive country + title + apposition: the person, not the state
        (
            TITLED,
            [("Peru", "GPE"), ("Rosa Quispe Mamani", "PERSON"), ("Chile", "GPE"), ("Pablo Soto", "PERSON")],
            "Peru",
            "GPE",
            0,
            "Rosa Quispe Mamani",
            "person",
        ),
        # the same title later without a name: the person the article gave it
        (
            TITLED,
            [("Peru", "GPE"), ("Rosa Quispe Mamani", "PERSON"), ("Peru", "GPE")],
            "Peru",
            "GPE",
            1,
            "Rosa Quispe Mamani",
            "person",
        ),
        # "Peru's president's office" is not the president
        (
            TITLED,
            [("Peru", "GPE"), ("Rosa Quispe Mamani", "PERSON"), ("Peru", "GPE"), ("Peru", "GPE")],
            "Peru",
            "GPE",
            2,
            "Peru",
            "gpe",
        ),
        # an organisation as the modifier of a title with a name in apposition
        (
            "A Kremlin spokesman, Col. Ivan Petrov, spoke.",
            [("Kremlin", "ORG"), ("Ivan Petrov", "PERSON")],
            "Kremlin",
            "ORG",
            0,
            "Ivan Petrov",
            "person",
        ),
        # militia descriptions fold into the article's sponsored militia
        (
            SAHEL,
            [("Mali", "GPE"), ("Malian", "NORP")],
            "Malian militias",
            "NOUN",
            0,
            "Russia-backed militias",
            "group",
        ),
        (SAHEL, [], "the militia leaders", "NOUN", 0, "Russia-backed militias", "group"),
        # ... but not those of another nationality than the sponsor's or the article's main country
        (SAHEL, [], "Sudanese militias", "NOUN", 0, "Sudanese militias", "group"),
    ],
)
def test_titles_militias(
    text: str, ents: list[tuple[str, str]], surface: str, label: str, nth: int, expected: str, kind: str
) -> None:
    actor = make_doc(text, ents).resolve(make_span(text, surface, label, nth))
    assert actor is not None
    assert (actor.name, actor.kind) == (expected, kind)


@pytest.mark.parametrize(
    ("text", "ents", "surface", "expected"),
    [
        (
            "Shelling wounded three Nigerian soldiers.",
            [("Nigerian", "NORP")],
            "Nigerian",
            "Nigerian soldiers",
        ),
        ("A bomb hit US troops in Syria.", [("US", "GPE")], "US", "US troops"),
        ("Kenya's security forces were deployed.", [("Kenya", "GPE")], "Kenya", "Kenya's security forces"),
    ],
)
def test_demonym_with_forces_noun_is_the_armed_forces(
    text: str, ents: list[tuple[str, str]], surface: str, expected: str
) -> None:
    actor = make_doc(text, ents).resolve(make_span(text, surface, "NORP"))
    assert actor is not None
    assert (actor.name, actor.kind) == (expected, "org")


def test_forces_noun_followed_by_a_title_is_no_forces_actor() -> None:
    text = "Nigerian soldiers commander Musa Bala spoke."
    actor = make_doc(text, [("Nigerian", "NORP")]).resolve(make_span(text, "Nigerian", "NORP"))
    assert actor is None or actor.name != "Nigerian soldiers"


def test_plural_pronoun_takes_the_last_group() -> None:
    actors = make_doc(SAHEL, [("Mali", "GPE")])
    leaders = actors.resolve(make_span(SAHEL, "the militia leaders"))
    they = actors.resolve(make_span(SAHEL, "They", "PRON"))
    assert leaders is not None and they is leaders


def test_plural_pronoun_without_a_recent_group_stays_unresolved() -> None:
    text = "Ana Costa arrived. The talks began late. Nobody spoke. They said nothing."
    assert make_doc(text, [("Ana Costa", "PERSON")]).resolve(make_span(text, "They", "PRON")) is None


def test_states_joined_before_a_force_noun_each_have_their_forces() -> None:
    text = "Chilean and Peruvian troops exchanged fire at the border."
    doc = make_doc(text, [("Chilean", "NORP"), ("Peruvian", "NORP")])
    span = make_span(text, "Chilean and Peruvian troops")
    last = doc.resolve(span)
    assert last is not None and last.name == "Peruvian troops"
    assert [a.name for a in doc.partners(span)] == ["Chilean troops"]
    lone = make_doc("Peruvian troops fired at the border.", [("Peruvian", "NORP")])
    assert lone.partners(make_span("Peruvian troops fired at the border.", "Peruvian troops")) == []


def test_a_company_description_followed_by_its_name_is_the_company() -> None:
    text = "Canadian mining firm Northstar suspended work at the mine."
    doc = make_doc(text, [("Canadian", "NORP")])
    actor = doc.resolve(make_span(text, "Canadian mining firm"))
    assert actor is not None and actor.name == "Northstar" and actor.kind != "gpe"
    dated = "A mining firm Monday suspended work at the mine."
    other = make_doc(dated, []).resolve(make_span(dated, "A mining firm"))
    assert other is None or other.name != "Monday"  # a date after the noun names nothing


@pytest.mark.parametrize(
    ("text", "ents", "surface", "expected"),
    [
        # a body of a named organisation, as written
        (
            "The UN refugee agency said 5,000 people fled.",
            [("UN", "ORG")],
            "The UN refugee agency",
            "UN refugee agency",
        ),
        # the organisation itself
        ("The UN said 5,000 people fled.", [("UN", "ORG")], "The UN", "United Nations"),
        # a platform a statement is posted on is no participant; the company is
        ("The ministry said on Telegram that it won.", [("Telegram", "ORG")], "Telegram", None),
        ("Twitter said it suspended the accounts.", [("Twitter", "ORG")], "Twitter", "Twitter"),
    ],
)
def test_bodies_and_platforms(
    text: str, ents: list[tuple[str, str]], surface: str, expected: str | None
) -> None:
    doc = make_doc(text, ents)
    actor = doc.resolve(make_span(text, surface, "ORG" if surface in dict(ents) else "NOUN"))
    assert (actor.name if actor else None) == expected


@pytest.mark.parametrize(
    ("text", "ents", "surface", "label", "expected"),
    [
        # a town after "in" is where, whatever label the tagger gives it
        ("Jets bombed rebel positions in Mosul.", [("Mosul", "ORG")], "Mosul", "ORG", None),
        ("Jets bombed rebel positions in Mosul.", [("Mosul", "GPE")], "Mosul", "GPE", None),
        # a country after "in" stays the state; an organisation stays itself
        ("Jets bombed rebel positions in Iraq.", [("Iraq", "GPE")], "Iraq", "GPE", "Iraq"),
        (
            "Two officers in Hezbollah were killed.",
            [("Hezbollah", "ORG")],
            "Hezbollah",
            "ORG",
            "Lebanese Hezbollah",
        ),
    ],
)
def test_a_town_after_a_locative_is_no_actor(
    text: str, ents: list[tuple[str, str]], surface: str, label: str, expected: str | None
) -> None:
    actor = make_doc(text, ents).resolve(make_span(text, surface, label))
    assert (actor.name if actor else None) == expected


def test_a_definite_compound_noun_is_the_organisation_named_before_with_its_words() -> None:
    text = "The Freedonian Coast Guard said a boat sank. Later the coast guard said all were saved."
    doc = make_doc(text, [("The Freedonian Coast Guard", "ORG"), ("coast guard", "ORG")])
    named = doc.resolve(make_span(text, "The Freedonian Coast Guard", "ORG"))
    later = doc.resolve(make_span(text, "coast guard", "ORG"))
    assert named is not None and later is named
    noun = doc.resolve(make_span(text, "the coast guard"))
    assert noun is named
