"""Datelines: where, when and by whom a story was filed ("DUBAI, Jan 12 (Reuters) - ", "Tbilisi, March 6 — ").

A dateline opens the first sentence of a wire story. Its place is not an actor and its date is the
filing date, never the date of the events the sentence reports.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_NAME = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
_CAPS = r"[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}"
# PLACE[, Region][, Month Day][ (Agency)] followed by a dash or colon; a mixed-case place needs a date or
# an agency after it, so that an ordinary sentence opening "Kyiv — the capital ..." is not taken for one.
DATELINE = re.compile(
    rf"(?:(?P<caps>{_CAPS})|{_NAME})(?:, {_NAME})?"
    rf"(?P<date>,? {_MONTH} \d{{1,2}}(?:, \d{{4}})?)?"
    rf"(?P<agency> \([^)]{{1,40}}\))?\s*[–—-]+\s*"
)


def dateline_end(text: str) -> int:
    """Where the story proper starts in a sentence's text: after its dateline, else 0."""
    match = DATELINE.match(text)
    if match is None:
        return 0
    if match["caps"] and match["caps"] == match["caps"].upper() and len(match["caps"]) > 1:
        return match.end()
    return match.end() if match["date"] or match["agency"] else 0
