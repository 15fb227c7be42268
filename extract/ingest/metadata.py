"""Article metadata from users (manifest, JSONL fields, HTML head): dates, explicit ids, size caps.

Metadata is copied into every source of every event an article reports, so one oversized
field would multiply through the output; each field is capped here, once, with a warning.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

# Far above any real headline, site name or URL; a longer value is a mistake or an attack.
FIELD_LIMITS = {"title": 500, "publisher": 200, "url": 2048}
ID_LIMIT = 200


def parse_published(value: Any, today: date) -> tuple[date | None, str | None]:
    """A publication date from metadata, or why it is unusable (malformed or in the future).

    Accepted: ``YYYY-MM-DD``, ISO 8601 / RFC 3339 date-times (``2019-12-16T23:30:00-05:00``) and
    RFC 822 / RFC 2822 dates as feeds and HTTP headers write them (``Mon, 16 Dec 2019 23:30:00 -0500``).
    The publication day is the day in the article's own offset, the calendar day as written: the
    example is 16 December although it is the 17th in UTC, since "on Monday" in that article means
    the Monday before the 16th as its readers saw it. No time is ever converted to UTC or local time.
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime):
        parsed: date | None = value.date()  # the day in its own offset
    elif isinstance(value, date):
        parsed = value
    else:
        parsed = _day_written(str(value)[:100])
    if parsed is None:
        return None, f"published {str(value)[:40]!r} is not a YYYY-MM-DD date (nor RFC 3339 or RFC 822)"
    if parsed > today:
        return None, f"published {parsed} is in the future"
    return parsed, None


# RFC 3339 (and the ISO 8601 forms sites write): a date, optionally a time and an offset.
_ISO = re.compile(
    r"\s*(\d{4}-\d{2}-\d{2})"
    r"(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?\s*"
)


def _day_written(text: str) -> date | None:
    """The calendar day of an ISO/RFC 3339 or RFC 822 date(-time), in the offset it is written in."""
    match = _ISO.fullmatch(text)
    if match:
        try:
            return date.fromisoformat(match.group(1))
        except ValueError:
            return None
    if not re.search(r"[A-Za-z]{3}", text):  # RFC 822 names its month; "12/16/2019" is ambiguous
        return None
    try:
        return parsedate_to_datetime(text.strip()).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def capped(name: str, value: str) -> tuple[str, str | None]:
    """``value`` cut to the field's limit, and the warning when it had to be cut."""
    limit = FIELD_LIMITS.get(name)
    if limit is None or len(value) <= limit:
        return value, None
    return value[: limit - 1] + "…", f"{name} of {len(value):,} characters cut to {limit}"


def explicit_id(value: Any) -> tuple[str | None, str | None]:
    """An article id given by the user (JSONL or manifest ``id``), or why it cannot be one."""
    if value is None or value == "":
        return None, None
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None, f"id is a {type(value).__name__}, not a string"
    text = str(value).strip()
    if not text:
        return None, "id is blank"
    if len(text) > ID_LIMIT:
        return None, f"id of {len(text):,} characters is over the {ID_LIMIT} limit"
    if not text.isprintable():
        return None, f"id {text[:40]!r} has control or invisible characters"
    return text, None
