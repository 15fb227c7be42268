"""Ranks, honorifics and office words written before a name ("Gen.", "Sheikh", "President").

One list of abbreviations serves both the parser's sentence splitter (which must not end a
sentence at "Cmdr." in "Cmdr. Sean Robertson") and name cleaning (which strips "Cmdr").
"""

from __future__ import annotations

# Abbreviated ranks and honorifics: names carry them with or without the dot ("Gen.", "Gen").
_ABBREVIATED = (
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "cmdr",
    "adm",
    "sgt",
    "brig",
    "dr",
    "mr",
    "mrs",
    "ms",
    "sen",
    "rep",
    "gov",
    "pres",
)
# Abbreviations only the sentence splitter knows. Name cleaning keeps them ("Prof. X" stays in the
# name; "St." before a name is more often a place, "St. Petersburg"): adding them to HONORIFICS
# would change the names the extractor writes, which this list's move was not to do.
_SPLITTER_ONLY = ("cpl", "pvt", "prof", "rev", "st", "amb", "lt.gen", "maj.gen")
# Ranks and religious or courtesy titles written out in full.
_FULL_TITLES = (
    "general",
    "colonel",
    "major",
    "captain",
    "admiral",
    "sergeant",
    "ayatollah",
    "sheikh",
    "mullah",
    "imam",
    "hojatoleslam",
    "sir",
    "lord",
)
# Honorifics that also begin office names ("President X", but also "Secretary of State"): no rank
# of their own, and no evidence that the name after them is a person.
OFFICE_WORDS = frozenset(["president", "prime", "minister", "secretary", "commander"])

# Ranks and honorifics written before a name; stripped from names, never roles of their own.
HONORIFICS = frozenset([*_ABBREVIATED, *(a + "." for a in _ABBREVIATED), *_FULL_TITLES, *OFFICE_WORDS, "st."])
# Honorifics that are ranks: stripped from the end of the words before a name to find its title.
RANKS = HONORIFICS - OFFICE_WORDS
# Words before a name that say nothing about it being a person ("St." begins place names).
NOT_PERSON_CUES = OFFICE_WORDS | {"st."}


def _cased(abbreviation: str) -> str:
    return ".".join(part.title() for part in abbreviation.split(".")) + "."


# Titles before a name as written ("Cmdr.", "Lt.Gen."): the parser must not end a sentence there.
SENTENCE_TITLE_ABBREVIATIONS = frozenset(_cased(a) for a in (*_ABBREVIATED, *_SPLITTER_ONLY))
