"""Place names as normalised word sequences, so that spellings news writes differently agree:
"Ain al-Asad air base" contains "Al Asad Air Base" once the article "al" is dropped and "air base" /
"airfield" become one word; "Idlib governorate" is "Idlib province"."""

from __future__ import annotations

import re

from eventgraph.extract.lexicons.folding import fold

_DROP = frozenset({"al", "el", "the", "s"})
_BASE_WORDS = re.compile(
    r"\b(?:air\s*base|air\s*field|airfield|air\s*station|army\s+air\s+field)\b", re.IGNORECASE
)
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")  # "Nigeria's Borno state": the possessive is no part of a name
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_SAME = {"governorate": "province", "neighborhood": "neighbourhood"}


def words(text: str) -> list[tuple[str, bool]]:
    """Normalised words of a name, each with whether it was written with a capital."""
    text = _POSSESSIVE.sub("", _BASE_WORDS.sub("Airbase", text))
    out: list[tuple[str, bool]] = []
    for raw in _WORD.findall(text):
        # fold() of an ASCII word is its lower case; the fast path matters for the 500k gazetteer names.
        word = (raw.lower() if raw.isascii() else fold(raw)).replace("'", "")
        word = _SAME.get(word, word)
        if word and word not in _DROP:
            out.append((word, raw[0].isupper()))
    return out


def written(text: str) -> list[str]:
    """The words of ``text`` as written, one for each of words(text) (same order)."""
    text = _POSSESSIVE.sub("", _BASE_WORDS.sub("Airbase", text))
    out: list[str] = []
    for raw in _WORD.findall(text):
        word = (raw.lower() if raw.isascii() else fold(raw)).replace("'", "")
        if _SAME.get(word, word) and word not in _DROP:
            out.append(raw)
    return out


def key(text: str) -> tuple[str, ...]:
    return tuple(w for w, _ in words(text))


_DOUBLE = re.compile(r"(.)\1+")
_SPELLING = (
    *(("ou", "u"), ("ee", "i"), ("oo", "u"), ("q", "k"), ("ph", "f"), ("dh", "d"), ("dj", "j")),
    *(("gh", "g"), ("kh", "k"), ("ei", "ai"), ("ay", "ai"), ("aw", "o")),
)
# Arabic articles as transliterations write them ("Maarrat an Numan", "Jisr ash Shughur", "Dayr az Zawr")
_ARTICLES = frozenset(
    ["an", "ar", "as", "ash", "at", "ad", "az", "ath", "adh", "ez", "es", "ed", "et", "en", "er", "ul"]
)


def skeleton(normal_key: str) -> str:
    """A looser form of a normalised key (words joined by spaces) under which transliterations of one
    name agree: "Shabwah" and "Shabwa", "Deir ez-Zor" and "Dayr az Zawr", "Ma'arrat al-Nu'man" and
    "Maarrat an Numan". Articles drop, doubled letters collapse, a final "h" after a vowel drops,
    and common digraphs take one spelling."""
    words = normal_key.split()
    kept = [w for w in words if w not in _ARTICLES] or words
    out = []
    for word in kept:
        w = _DOUBLE.sub(r"\1", word)
        for a, b in _SPELLING:
            w = w.replace(a, b)
        if len(w) > 3 and w.endswith("h") and w[-2] in "aeiou":
            w = w[:-1]
        out.append(w)
    return " ".join(out)
