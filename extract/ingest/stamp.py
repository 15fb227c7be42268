"""The publication date an article's own text states near its top ("Published 16 December 2019").

Used when no metadata gives one; the caller says so on stderr, since it is a guess.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

__all__ = ["infer_published"]

_MONTH_NAMES = [name.lower() for name in calendar.month_name[1:]]
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('(', '(?P<m1>', 1)},?\s+(?P<y1>\d{{4}})"
    rf"|{_MONTH.replace('(', '(?P<m2>', 1)}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))\b",
    re.IGNORECASE,
)
_CUE = re.compile(r"\b(?:published|posted|updated|dated?|released|first appeared)\b", re.IGNORECASE)
_HEAD = 600  # a dateline or date stamp sits in the first lines
_CUED_HEAD = 3000  # "Published ..." may follow a standfirst and a byline


def infer_published(text: str, today: date) -> tuple[date, str] | None:
    """The date stamp near the top ("Published 16 December 2019", "Dec 16, 2019"), with its text."""
    head = text[:_CUED_HEAD]
    candidates = []
    for match in _DATE.finditer(head):
        day = _match_date(match)
        if day is None or day > today or day.year < 1900:
            continue
        line_start = head.rfind("\n", 0, match.start()) + 1
        cued = bool(_CUE.search(head, line_start, match.start()))
        if cued or match.start() < _HEAD:
            candidates.append((not cued, match.start(), day, match.group(0)))
    if not candidates:
        return None
    _, _, day, found = min(candidates)
    return day, found


def _match_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    try:
        if groups["y3"]:
            return date(int(groups["y3"]), int(groups["m3"]), int(groups["d3"]))
        month_text = (groups["m1"] or groups["m2"]).lower()[:3]
        month = next(i for i, name in enumerate(_MONTH_NAMES, 1) if name.startswith(month_text))
        return date(int(groups["y1"] or groups["y2"]), month, int(groups["d1"] or groups["d2"]))
    except ValueError:
        return None
