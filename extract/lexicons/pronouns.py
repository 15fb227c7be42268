"""Pronouns by what they can refer to: a person, a group, an organisation or state."""

from __future__ import annotations

# Pronouns of one person, with their gender.
PRONOUNS_PERSON = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}
# Pronouns of a group or of a plural organisation ("they said", "their fighters").
PLURAL_PRONOUNS = frozenset(["they", "them", "their", "theirs", "themselves"])
# Pronouns of one organisation or state ("it said", "its forces").
NEUTER_PRONOUNS = frozenset(["it", "its", "itself"])
# Pronouns that can stand as a participant of an event (subject or object forms, no possessives).
PARTICIPANT_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
# How a speaker names itself as the doer of what it reports ("Hezbollah said it detonated ...").
SELF_REFERENCES = frozenset({"it", "they", "we", "i", "he", "she"})
# Plural nouns that, counted ("the two leaders", "the three sides", "both men"), refer back to that many
# participants named before: people, or states for the nouns of ``STATE_REFERENCE_NOUNS``.
PLURAL_REFERENCE_NOUNS = frozenset(
    [
        *("leaders", "sides", "men", "women", "presidents", "ministers", "envoys", "parties", "heads"),
        *("counterparts", "diplomats", "officials", "countries", "nations", "states", "governments"),
    ]
)
STATE_REFERENCE_NOUNS = frozenset(["countries", "nations", "states", "governments"])
SIDE_NOUNS = frozenset(["sides", "parties"])  # people, states or organisations
