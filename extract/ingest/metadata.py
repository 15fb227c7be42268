"""Article metadata from users (manifest, JSONL fields, HTML head): dates, explicit ids, size caps.

Metadata is copied into every source of every event an article reports, so one oversized
field would multiply through the output; each field is capped here, once, with a warning.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

# Far above any real headline, site name or URL; a longer value is a mistake or an attack.
FIELD_LIMITS = {"title": 500, "publisher": 200, "url": 2048}
ID_LIMIT = 200


def parse_published(value: Any, today: date) -> tuple[date | None, str | None]:
    """A publication date from metadata, or why it is unusable (malformed or in the future)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, date):
        parsed: date | None = value
    else:
        match = re.fullmatch(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?\s*", str(value)[:100])
        try:
            parsed = date.fromisoformat(match.group(1)) if match else None
        except ValueError:
            parsed = None
    if parsed is None:
        return None, f"published {str(value)[:40]!r} is not a YYYY-MM-DD date"
    if parsed > today:
        return None, f"published {parsed} is in the future"
    return parsed, None


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
