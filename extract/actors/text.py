"""Text helpers of actor resolution: sentence starts, determiners, hyphenated modifiers."""

from __future__ import annotations

import re

from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.lexicons.function_words import DETERMINERS
from eventgraph.extract.lexicons.titles import HONORIFICS

_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+|\n")


def sentence_start(text: str, offset: int) -> int:
    """Where the sentence holding ``offset`` starts; "Gen." or "U.S." end no sentence."""
    last = 0
    for m in _SENTENCE_END.finditer(text, max(0, offset - 600), offset):
        word = re.search(r"(\S+)$", text[max(0, m.start() - 12) : m.start() + 1])
        abbreviation = word is not None and (
            fold(word.group(1)) in HONORIFICS or re.fullmatch(r"(?:[A-Z]\.)+", word.group(1)) is not None
        )
        if not abbreviation:
            last = m.end()
    return last


def strip_det(name: str) -> str:
    """ "the militias" -> "militias": one determiner or possessive off the front."""
    for det in DETERMINERS:
        if name.lower().startswith(det):
            return name[len(det) :]
    return name


def hyphen_start(text: str, start: int) -> int:
    """Take in a hyphenated modifier the span left out ("Iranian-" of "Iranian-backed militias")."""
    m = re.search(r"([A-Za-z]+-)$", text[max(0, start - 30) : start])
    if m and (start - len(m.group(1)) == 0 or not text[start - len(m.group(1)) - 1].isalnum()):
        return start - len(m.group(1))
    if text[start : start + 1] == "-" or text[max(0, start - 1) : start] == "-":
        w = re.search(r"([A-Za-z]+)-?$", text[max(0, start - 30) : start])
        return start - len(w.group(0)) if w else start
    return start


def strip_determiners(name: str) -> str:
    """Each determiner of the list in turn off the front ("the" then "its", as names were always keyed)."""
    for det in DETERMINERS:
        if name.lower().startswith(det):
            name = name[len(det) :]
    return name
