"""Name forms: cleaning entity text, acronyms, and deciding when two person names are one person.

Kept apart from actors.py so that the per-document and the cross-document steps
share one notion of "the same name".
"""

from __future__ import annotations

import re

from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.lexicons.roles import ROLE_QUALIFIERS, role_lookup
from eventgraph.extract.lexicons.titles import HONORIFICS

POSSESSIVE = re.compile(r"(?:'s|’s|'|’)(?:\s.*)?$", re.DOTALL)
_VOWELS = re.compile(r"[aeiouy]")


def strip_possessive(text: str) -> str:
    """ "Abdul Mahdi’s Remarks" -> "Abdul Mahdi": the possessor is the name."""
    return POSSESSIVE.sub("", text).strip()


def person_tokens(text: str) -> list[str]:
    """The words of a person's name without honorifics, titles or a possessive."""
    words = strip_possessive(text).replace(".", ". ").split()
    roles = set(role_lookup())
    out = [w for w in words if fold(w) not in HONORIFICS and fold(w).rstrip(".") not in HONORIFICS]
    while out and (fold(out[0]) in roles or fold(out[0]) in ROLE_QUALIFIERS):
        out.pop(0)
    return [w.strip(",;:") for w in out if w.strip(",;:.")]


def skeleton(word: str) -> str:
    """Consonant skeleton, so that transliterations agree (Adil/Adel, Qasim/Qasem, Ghaani/Ghani)."""
    low = fold(word).replace("'", "").replace("-", "")
    out = _VOWELS.sub("", low[1:])
    return low[:1] + re.sub(r"(.)\1+", r"\1", out)


def same_word(a: str, b: str) -> bool:
    """Two spellings of one name word."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    return min(len(fa), len(fb)) >= 4 and skeleton(a) == skeleton(b)


def is_part_of(short: list[str], full: list[str]) -> bool:
    """True when ``short`` names the same person as ``full`` (surname, or a trailing part of the name)."""
    if not short or len(short) > len(full):
        return False
    tail = full[len(full) - len(short) :]
    return all(same_word(a, b) for a, b in zip(short, tail, strict=True))


def same_person(a: list[str], b: list[str]) -> bool:
    """Full names that are spellings of one name, or one the tail of the other."""
    if len(a) == len(b):
        return bool(a) and all(same_word(x, y) for x, y in zip(a, b, strict=True))
    return is_part_of(a, b) or is_part_of(b, a)


def acronym_of(long_form: str) -> str:
    """Initials of the capitalised words: "Popular Mobilization Forces" -> "PMF"."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", long_form) if w[0].isupper())


ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w'’-]*\s+)(?:(?:of|the|for|and|de|al-?)\s+|[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)\s+\(([A-Z]{2,7})\.?\)"
)


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronyms defined in brackets after their long form: "Popular Mobilization Forces (PMF)"."""
    found: dict[str, str] = {}
    for m in ACRONYM_DEF.finditer(text):
        words = m.group(1).split()
        acronym = m.group(2)
        # Keep the shortest trailing run of words whose initials spell the acronym.
        for i in range(len(words)):
            candidate = " ".join(words[i:])
            if acronym_of(candidate) == acronym:
                found.setdefault(acronym, candidate)
                break
    return found
