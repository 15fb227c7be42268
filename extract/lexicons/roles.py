"""Titles that make a role ("defense secretary" -> Secretary of Defense) and the words that qualify them."""

from __future__ import annotations

import re
from functools import cache

# Canonical role -> the ways news text writes it (lower case; matched on word boundaries).
ROLES: dict[str, tuple[str, ...]] = {
    "Secretary of Defense": (
        "secretary of defense",
        "defense secretary",
        "defence secretary",
        "pentagon chief",
    ),
    "Secretary of State": ("secretary of state", "top diplomat"),
    "Minister of Defense": (
        "defense minister",
        "defence minister",
        "minister of defense",
        "minister of defence",
    ),
    "Foreign Minister": ("foreign minister", "minister of foreign affairs", "foreign secretary"),
    "Interior Minister": ("interior minister", "minister of interior", "minister of the interior"),
    "Prime Minister": ("prime minister", "premier", "pm"),
    "Vice President": ("vice president", "vice-president", "vp"),
    "President": ("president",),
    "Supreme Leader": ("supreme leader",),
    "Chairman of the Joint Chiefs of Staff": (
        "chairman of the joint chiefs of staff",
        "chairman of the joint chiefs",
        "joint chiefs chairman",
    ),
    "Press Secretary": ("press secretary",),
    "Spokesperson": ("spokesperson", "spokesman", "spokeswoman", "press officer"),
    "Chancellor": ("chancellor",),
    "King": ("king",),
    "Crown Prince": ("crown prince",),
    "Emir": ("emir",),
    "Governor": ("governor",),
    "Mayor": ("mayor",),
    "Ambassador": ("ambassador", "envoy"),
    "Intelligence Chief": ("intelligence chief", "spy chief", "head of intelligence"),
    "Army Chief": ("army chief", "chief of staff of the army"),
    "Commander": ("commander", "top commander"),
    "Chairman": ("chairman", "chairwoman", "chair"),
    "Speaker": ("speaker of parliament", "parliament speaker", "speaker"),
    "Senator": ("senator",),
    "Leader": ("leader", "head"),
    "Senior Researcher": ("senior researcher", "researcher", "analyst", "senior fellow", "fellow"),
}

# Words that qualify a role without changing it ("acting Prime Minister").
ROLE_QUALIFIERS = (
    "acting",
    "outgoing",
    "incoming",
    "former",
    "then",
    "interim",
    "caretaker",
    "new",
    "deputy",
    "top",
    "senior",
    "elite",
)


@cache
def role_lookup() -> dict[str, str]:
    """Folded role variant -> canonical role."""
    return {variant: canon for canon, variants in ROLES.items() for variant in variants}


@cache
def role_pattern() -> re.Pattern[str]:
    """Regex for one role variant on word boundaries, longest variants first."""
    variants = sorted(role_lookup(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(v) for v in variants) + r")\b")
