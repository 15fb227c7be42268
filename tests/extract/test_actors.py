"""Per-document actor resolution on hand-made texts (no spaCy model): entities are given by offset."""

from __future__ import annotations

import time

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
    actor = _doc(text, ents).resolve(_span(text, surface, label, nth))
    assert actor is not None
    assert (actor.name, actor.kind) == (expected, kind)


@pytest.mark.parametrize(
    ("text", "ents", "surface", "expected"),
    [
        ("Shelling wounded three Nigerian soldiers.", [("Nigerian", "NORP")], "Nigerian", "Nigerian forces"),
        ("A bomb hit US troops in Syria.", [("US", "GPE")], "US", "US forces"),
        ("Kenya's security forces were deployed.", [("Kenya", "GPE")], "Kenya", "Kenya forces"),
    ],
)
def test_demonym_with_forces_noun_is_the_armed_forces(
    text: str, ents: list[tuple[str, str]], surface: str, expected: str
) -> None:
    actor = _doc(text, ents).resolve(_span(text, surface, "NORP"))
    assert actor is not None
    assert (actor.name, actor.kind) == (expected, "org")


def test_forces_noun_followed_by_a_title_is_no_forces_actor() -> None:
    text = "Nigerian soldiers commander Musa Bala spoke."
    actor = _doc(text, [("Nigerian", "NORP")]).resolve(_span(text, "Nigerian", "NORP"))
    assert actor is None or actor.name != "Nigerian forces"


def test_plural_pronoun_takes_the_last_group() -> None:
    actors = _doc(SAHEL, [("Mali", "GPE")])
    leaders = actors.resolve(_span(SAHEL, "the militia leaders"))
    they = actors.resolve(_span(SAHEL, "They", "PRON"))
    assert leaders is not None and they is leaders


def test_plural_pronoun_without_a_recent_group_stays_unresolved() -> None:
    text = "Ana Costa arrived. The talks began late. Nobody spoke. They said nothing."
    assert _doc(text, [("Ana Costa", "PERSON")]).resolve(_span(text, "They", "PRON")) is None


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
    actor = _doc(text, ents).resolve(_span(text, surface, "PERSON", nth))
    assert actor is not None and actor.kind == kind


# ---- membership constructions -> "member" affiliations ------------------------------------------

SAHEL_GROUPS = [("Sahel", "PERSON"), ("JNIM", "ORG"), ("ISGS", "ORG")]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # "<group>, including A and B": the group is the article's sponsor-keyed militia actor
        (
            "Iranian-sponsored militias, including Kata’ib Hizbollah and Asa’ib Ahl al-Haq, rose to power.",
            [("Iranian", "NORP"), ("Kata’ib Hizbollah", "ORG"), ("Asa’ib Ahl al-Haq", "ORG")],
            {
                "Kata'ib Hezbollah": ("group", "Iran-backed militias"),
                "Asa'ib Ahl al-Haq": ("group", "Iran-backed militias"),
            },
        ),
        (
            "Sahel jihadist groups, including JNIM and ISGS, attacked the base.",
            SAHEL_GROUPS,
            {"JNIM": ("group", "Sahel jihadist groups"), "ISGS": ("group", "Sahel jihadist groups")},
        ),
        # a list of three, "or"
        (
            "Rebel factions such as the Northern Front, the Lake Brigade or Red Hand fought on.",
            [("the Northern Front", "ORG"), ("the Lake Brigade", "ORG"), ("Red Hand", "ORG")],
            {
                "Northern Front": ("group", "Rebel factions"),
                "Lake Brigade": ("group", "Rebel factions"),
                "Red Hand": ("group", "Rebel factions"),
            },
        ),
        # "A and B, among the <group>"
        (
            "JNIM and ISGS, among the Sahel jihadist groups, denied it.",
            [("JNIM", "ORG"), ("ISGS", "ORG"), ("Sahel", "PRODUCT")],
            {"JNIM": ("group", "Sahel jihadist groups"), "ISGS": ("group", "Sahel jihadist groups")},
        ),
        # "<group> such as A", with a determiner the entity left out
        (
            "Russian-backed militias such as the Wagner Group fought there.",
            [("Russian", "NORP"), ("Wagner Group", "ORG")],
            {"Wagner Group": ("group", "Russia-backed militias")},
        ),
        # "A, one of the <group>": another spelling of the same sponsored militias
        (
            "Pro-Iran factions attacked the base. Saraya Awliya al-Dam, one of the Iranian-backed militias, "
            "fired rockets.",
            [("Saraya Awliya al-Dam", "ORG"), ("Iranian", "NORP")],
            {"Saraya Awliya al-Dam": ("group", "Iran-backed militias")},
        ),
        # "A, a member of <named group>", "A, part of <group>"
        (
            "Jaysh al-Mahdi, a member of the Popular Mobilization Forces, said it would fight.",
            [("Jaysh al-Mahdi", "ORG"), ("Popular Mobilization Forces", "ORG")],
            {"Jaysh al-Mahdi": ("group", "Popular Mobilization Forces")},
        ),
        (
            "The Tigray Defence Force, part of the Tigrayan rebels, advanced.",
            [("The Tigray Defence Force", "ORG")],
            {"Tigray Defence Force": ("group", "Tigrayan rebels")},
        ),
        # no group description, or members that are no organisations: nothing
        ("Talks included Exxon and Shell.", [("Exxon", "ORG"), ("Shell", "ORG")], {}),
        ("Countries such as France and Mali objected.", [("France", "GPE"), ("Mali", "GPE")], {}),
        ("Sahel jihadist groups attacked JNIM and ISGS, including the base.", SAHEL_GROUPS, {}),
        ("Officials, including Ana Diaz, met.", [("Ana Diaz", "PERSON")], {}),
    ],
)
def test_memberships_become_member_roles(
    text: str, ents: list[tuple[str, str]], expected: dict[str, tuple[str, str]]
) -> None:
    actors = _doc(text, ents).actors
    got = {
        a.name: (a.kind, org.name)
        for a in actors
        for role, org in a.roles
        if role == "member" and org is not None
    }
    assert got == expected


def test_membership_group_is_the_actor_other_sentences_resolve_to() -> None:
    text = (
        "Iranian-sponsored militias, including Kata’ib Hizbollah, grew. "
        "Iran-backed groups later attacked the base."
    )
    doc = _doc(text, [("Iranian", "NORP"), ("Kata’ib Hizbollah", "ORG"), ("Iran", "GPE")])
    (member,) = [a for a in doc.actors if a.roles]
    group = doc.resolve(_span(text, "Iran-backed groups"))
    assert member.roles == [("member", group)]


# ---- blanked page furniture: long runs of spaces ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "x" + " " * 60_000 + "Sahel jihadist groups, including JNIM and ISGS, attacked the base.",
            SAHEL_GROUPS,
            {"JNIM": "Sahel jihadist groups", "ISGS": "Sahel jihadist groups"},
        ),
        (
            "x" + " " * 60_000 + "Sahel jihadist groups , including JNIM, attacked.",
            SAHEL_GROUPS[:2],
            {"JNIM": "Sahel jihadist groups"},
        ),
        (
            "JNIM and ISGS" + " " * 60_000 + ", among the Sahel jihadist groups, denied it.",
            [("JNIM", "ORG"), ("ISGS", "ORG"), ("Sahel", "PRODUCT")],
            {"JNIM": "Sahel jihadist groups", "ISGS": "Sahel jihadist groups"},
        ),
    ],
)
def test_memberships_across_runs_of_blanked_text_stay_linear(
    text: str, ents: list[tuple[str, str]], expected: dict[str, str]
) -> None:
    started = time.perf_counter()
    actors = _doc(text, ents).actors
    assert time.perf_counter() - started < 3.0  # a quadratic scan of the run takes tens of seconds
    got = {a.name: org.name for a in actors for role, org in a.roles if role == "member" and org is not None}
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "Reuters reported the strike on Monday.",
        "Reuters reported the strike in İzmir on Monday.",  # a letter that matches "i" case-insensitively
        "The raid, REUTERS said, hit a depot at 300 K.",  # the Kelvin sign
    ],
)
def test_lexicon_names_found_whatever_else_the_text_holds(text: str) -> None:
    assert [a.name for a in _doc(text, []).actors if a.kind == "media"] == ["Reuters"]
