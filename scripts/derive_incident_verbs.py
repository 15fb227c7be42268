"""Derive extract/lexicons/incident_verbs.tsv from the CAMEO verb dictionary (PETRARCH2, MIT licence).

Usage: python scripts/derive_incident_verbs.py [CAMEO.2.0.txt] > extract/lexicons/incident_verbs.tsv

CAMEO files thousands of verbs under event codes. We keep the verbs of the codes that name
incidents (assault, fight, mass violence, coercion and arrest, protest and riot, contacts,
mobilisation), map each code onto our fixed event types, and drop verbs whose everyday sense
is not an incident ("beat" a rival, "match" a record). The TSV is committed; extraction never
reads the dictionary itself.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared/resources/petrarch2/CAMEO.2.0.txt"

# CAMEO code prefix -> event type; the longest matching prefix wins.
CODE_TYPES = {
    "041": "phone_call",
    "042": "visit",
    "043": "meeting",
    "083": "resignation",
    "141": "protest",
    "145": "protest",
    "150": "deployment",
    "163": "protest",
    "170": "legal_action",
    "171": "legal_action",
    "1711": "legal_action",
    "1712": "other_attack",
    "172": "legal_action",
    "173": "legal_action",
    "174": "legal_action",
    "18": "other_attack",
    "19": "other_attack",
    "20": "other_attack",
}
# Within a kept code, the type of verbs that CAMEO files with a neighbour ("loot" sits with riots).
VERB_TYPES = {
    "loot": "other_attack",
    "hijack": "other_attack",
    "pirate": "other_attack",
    "commandeer": "other_attack",
    "die": "death",
    "oust": "resignation",
    "convene": "meeting",
    "capture": "other_attack",
    "recapture": "other_attack",
}
# Verbs of kept codes whose common sense is no incident, or that the type lexicon already owns.
_AMBIGUOUS_WORDS = """
    abuse mistreat cane flog lash whip bruise contaminate corrupt crack damage harm hurt impair mar rip
    spoil tarnish tear vitiate kick slap wrestle overthrow beat best break bust crush decimate defeat
    desolate destroy devastate disarm dominate eradicate master obliterate overcome overpower overshadow
    overtake overwhelm ravage ravish ruin shatter smash subjugate surmount circle encircle ring surround
    engage flatten hang assail battle blitz clobber combat conflict duel fight grapple hammer match pit
    pummel quarrel retaliate struggle ram thump foray reave repel repulse infest inhabit reside occupy
    dishonor dishonour injure cage contain enclose restrict withhold blacklist block exclude
    ostracise ostracize segregate shun blackmail compel enforce force impel pressure reinforce bill impose
    inflict levy reimpose penalize punish constrain curb moderate restrain catch grab nab snatch take extract
    pluck pull wrest nationalise nationalize steal overturn revolutionise revolutionize subvert usurp annex
    appropriate demolish bar fine tax ban criminalise criminalize disallow forbid illegalise illegalize
    interdict outlaw prohibit proscribe veto censor confine remove attend garner marshal rally overfly parade
    patrol siege blockade embargo altercate
"""
AMBIGUOUS = frozenset(_AMBIGUOUS_WORDS.split())


def _type_of(code: str) -> str | None:
    best = max((p for p in CODE_TYPES if code.startswith(p)), key=len, default=None)
    return CODE_TYPES[best] if best else None


def derive(text: str) -> list[tuple[str, str, str]]:
    """(lemma, event type, CAMEO code) for every kept single-word verb or verb+particle."""
    rows: dict[str, tuple[str, str, str]] = {}
    block_code = "---"
    for raw in text.splitlines():
        line = raw.split("#")[0].rstrip()
        header = re.match(r"^---\s+\S+\s+\[([^\]]*)\]\s+---", line)
        if header:
            block_code = header.group(1).split(":")[0]
            continue
        if not line or line[0] in "-&+ \t":
            continue  # patterns, synonym sets, and their members
        entry = re.match(r"^([A-Z][A-Z_'\-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?", line)
        if not entry:
            continue
        code = (entry.group(4) or block_code).split(":")[0]
        word = entry.group(1).lower().replace("_", " ").strip()
        if " " in word or not code[:1].isdigit():
            continue
        event_type = VERB_TYPES.get(word) or _type_of(code)
        if event_type and word not in AMBIGUOUS:
            rows.setdefault(word, (word, event_type, code))
    return sorted(rows.values())


def _licence(text: str) -> list[str]:
    """The dictionary's own MIT notice, copied with what is derived from it."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if "The MIT License" in line)
    end = next(i for i in range(start, len(lines)) if "SOFTWARE." in lines[i] and "DEALINGS" in lines[i])
    return [line.rstrip() for line in lines[start : end + 1]]


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    print("# Incident verbs derived from the CAMEO verb dictionary by scripts/derive_incident_verbs.py.")
    print("# Source: PETRARCH2 CAMEO.2.0.txt, whose licence follows.")
    for line in _licence(path.read_text(encoding="latin-1")):
        print(line)
    print("# lemma\ttype\tcameo_code")
    for row in derive(path.read_text(encoding="latin-1")):
        print("\t".join(row))


if __name__ == "__main__":
    main()
