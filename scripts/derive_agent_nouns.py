"""Derive extract/lexicons/agent_nouns.tsv from the Phoenix agents dictionary (PETRARCH2, MIT licence).

Usage: python scripts/derive_agent_nouns.py [Phoenix.agents.txt] > extract/lexicons/agent_nouns.tsv

Phoenix files generic agent nouns under sector codes ("GUNMAN [~UAF]", "RIOTER [~OPP]",
"VILLAGER [~CVL]"). We keep the codes of the unnamed actors of incidents, map each onto one of
our group categories (police, military, armed, protesters, rioters, civilians), and write every
singular and plural form. Protest sector nouns are kept only when the noun itself protests
("protester", not "parliamentary opposition"). The TSV is committed; extraction never reads the
dictionary itself.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared/resources/petrarch2/Phoenix.agents.txt"

# Phoenix agent code -> our category of unnamed group actor; codes not listed are left out.
CODE_CATEGORIES = {
    "COP": "police",
    "MILCOP": "police",
    "MIL": "military",
    "UAF": "armed",
    "UAFMUS": "armed",
    "MUSUAF": "armed",
    "CRM": "armed",
    "REB": "armed",
    "REBMUS": "armed",
    "OPP": "protesters",
    "OPPEDU": "protesters",
    "OPPLAB": "protesters",
    "CVL": "civilians",
    "AGR": "civilians",
    "EDU": "civilians",
    "LAB": "civilians",
    "HLH": "civilians",
    "REF": "civilians",
}
# Protest-sector nouns that name people protesting (the sector also holds parties and dissidents).
_PROTESTING = re.compile(r"PROTEST|DEMONSTRAT|RIOT|MARCHER|STRIKER")
# Nouns of kept codes that name places, things or institutions, not people ("police post",
# "military base", "prison"), or whose everyday sense is no actor ("deputy", "convict").
_NOT_PEOPLE = re.compile(
    r"BASE|POST|PRISON|JAIL|AIRCRAFT|PLANE|JET|AIRLINER|DISTRICT|CHECK|MACHINE|PRESENCE|"
    r"INSTITUTION|HOUSE|CLIQUE|RULE|LED$|_OF$|DEPUTY|CONVICT|GAOLBIRD|JAILBIRD|ILLEGAL_|"
    r"SHIP|CARRIER|BOMBER|HUMVEE|HMMWV|^[A-Z]+-?[0-9]|^MIG|^SU-|^KFIR|MIRAGE|CRUISER|DESTROYER|FRIGATE|"
    r"CORVETTE|BATTLEWAGON|ARTILLER|HOSPITAL|INFIRMAR|SANATORI|SANITARI|SANATARI|COLLEGE|CONSERVATOR|"
    r"SCHOOL|KINDERGAR|UNIVERSIT|COMMUNIT|NEIGHBO|SETTLEMENT|VILLAGE$|ELECTORATE|ECHELON|BARRACKS|"
    r"INSURGENC|REVOLT|REBELLION|UPRISING|GANGDOM|GANGLAND|NAVAL|SECURITY$|FACILIT|MISSILE|WEAPON|EQUIPMENT|[.]|^DOC$|EXPERT|ADOPTION"
)
_LINE = re.compile(r"^([A-Z0-9!'&.,_-]+)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]")
_SUBST = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")


def _plurals(phrase: str) -> list[str]:
    """Regular plurals as PETRARCH forms them: +S, Y -> IES, SS/SH/CH/X -> +ES."""
    if phrase.endswith("_"):
        return []
    if phrase.endswith("MAN"):
        return [phrase[:-3] + "MEN"]
    if re.search(r"[^AEIOU]Y$", phrase):
        return [phrase[:-1] + "IES"]
    if re.search(r"(?:SS|SH|CH|X)$", phrase):
        return [phrase + "ES"]
    if phrase.endswith("S"):
        return []
    return [phrase + "S"]


def _expand(phrase: str, subst: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!([A-Z]+)!", phrase)
    if not m or m.group(1) not in subst:
        return [phrase]
    return [x for word in subst[m.group(1)] for x in _expand(phrase.replace(m.group(0), word, 1), subst)]


def derive(text: str) -> list[tuple[str, str, str]]:
    """(form, category, code) for every kept agent noun, singular and plural, lower-cased."""
    subst: dict[str, list[str]] = {}
    rows: dict[str, tuple[str, str]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        s = _SUBST.match(line)
        if s:
            subst[s.group(1)] = [w.strip() for w in s.group(2).split(",")]
            continue
        m = _LINE.match(line)
        if not m:
            continue
        phrase, plural, code = m.group(1), m.group(2), m.group(3)
        category = CODE_CATEGORIES.get(code)
        if category is None or _NOT_PEOPLE.search(phrase):
            continue
        if category == "protesters":
            if not _PROTESTING.search(phrase):
                continue
            category = "rioters" if "RIOT" in phrase else "protesters"
        expanded = _expand(phrase, subst)
        for form in expanded:
            forms = [form]
            if len(expanded) > 1:
                pass  # the substitution set already holds the plural forms (MAN, MEN)
            elif plural is None:
                forms += _plurals(form)
            elif plural.strip():
                forms += [p.strip() for p in plural.split(",") if p.strip()]
            for f in forms:
                word = f.strip("_").replace("_", " ").lower()
                if word and word not in rows:
                    rows[word] = (category, code)
    return sorted((w, c, code) for w, (c, code) in rows.items())


def _licence(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "The MIT License" in line)
    end = next(i for i in range(start, len(lines)) if "THE SOFTWARE." in lines[i])
    return [line.rstrip() for line in lines[start : end + 1]]


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    text = path.read_text(encoding="utf-8", errors="replace")
    print("# Generic agent nouns derived from the Phoenix agents dictionary by scripts/derive_agent_nouns.py")
    print("# Source: PETRARCH2 Phoenix.agents.txt, whose licence follows.")
    for line in _licence(text):
        print(line if line.startswith("#") else f"# {line}".rstrip())
    print("# noun\tcategory\tphoenix_code")
    for word, category, code in derive(text):
        print(f"{word}\t{category}\t{code}")


if __name__ == "__main__":
    main()
