"""Membership constructions -> "member" affiliations."""

from __future__ import annotations

import pytest
from actor_texts import make_doc, make_span

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
    actors = make_doc(text, ents).actors
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
    doc = make_doc(text, [("Iranian", "NORP"), ("Kata’ib Hizbollah", "ORG"), ("Iran", "GPE")])
    (member,) = [a for a in doc.actors if a.roles]
    group = doc.resolve(make_span(text, "Iran-backed groups"))
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
    actors = make_doc(text, ents).actors  # in linear time: bench/bench_limits.py measures it
    got = {a.name: org.name for a in actors for role, org in a.roles if role == "member" and org is not None}
    assert got == expected
