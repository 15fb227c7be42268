"""Function words by job: determiners, words that bound a name or a modifier run.

Two determiner lists, for two jobs, share their core. ``BACK_DETS`` makes a contact noun refer
back to one already told ("the call", "their meeting"); ``ANAPHORIC_DETS`` does so for an event
noun and takes plurals and "our" too ("these strikes"). Whether the contact check should take
them as well is a behaviour change to be measured, not part of moving the lists.
"""

from __future__ import annotations

BACK_DETS = frozenset({"the", "this", "that", "their", "his", "her", "its"})
ANAPHORIC_DETS = BACK_DETS | {"these", "those", "our"}

# Determiners and possessives stripped from the front of a description ("the militias" -> "militias").
DETERMINERS = ("the ", "a ", "an ", "its ", "their ", "his ", "her ", "our ")
# Function words that end the run of modifiers before a group noun ("attacked by [Sahel jihadist] groups").
NOT_MODIFIERS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "by",
        "from",
        "with",
        "against",
        "to",
        "for",
        "and",
        "or",
        "on",
        "in",
        "at",
        "as",
    ]
)
# Words before a capitalised word that make it no given name of the person after it ("in Adil").
NOT_GIVEN_NAMES = frozenset(["the", "a", "an", "and", "but", "in", "on", "as", "with", "by", "for", "of"])
