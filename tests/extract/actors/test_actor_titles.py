"""Titles next to a name become roles with their organisation or state."""

from __future__ import annotations

import pytest
from actor_texts import make_doc


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
    doc = make_doc(text, ents)
    actor = next(a for a in doc.actors if a.kind == "person")
    assert actor.name == person
    assert [(r, o.name if o else None) for r, o in actor.roles] == [(role, org)]
