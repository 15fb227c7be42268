"""Words about places: settlement nouns, and the words that end or introduce a place name."""

from __future__ import annotations

# "the port city of Odesa", "the town of Kostiantynivka": the noun says the name is a settlement.
SETTLEMENT_NOUNS = frozenset(
    {"city", "town", "village", "port", "province", "region", "district", "governorate", "county", "oblast"}
)
# Words after a country name that leave it the place ("in Iraq on Friday"); any other lower-case word
# makes the name a modifier ("in Iraq policy talks"), not where the event happened.
AFTER_PLACE_NAME = frozenset(
    [
        "and",
        "or",
        "on",
        "in",
        "last",
        "this",
        "after",
        "before",
        "since",
        "to",
        "from",
        "for",
        "at",
        "with",
        "by",
        "during",
        "was",
        "were",
        "is",
        "has",
        "have",
        "had",
        "over",
        "amid",
        "until",
        "following",
        "as",
        "when",
        "while",
        "where",
        "which",
        "that",
        "late",
        "early",
        "earlier",
    ]
)
# Prepositions that put a statement where it was made ("told lawmakers on Capitol Hill").
SAID_AT_PREPOSITIONS = frozenset(["in", "at", "on", "during", "inside", "outside", "near"])
# Definite place nouns that refer back to a place the article named before ("at the embassy") -> kind.
PLACE_NOUNS = {"embassy": "embassy", "consulate": "embassy", "base": "military_base", "airport": "airport"}
