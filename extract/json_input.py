"""JSON from users (JSONL lines, manifests): every way it can be unreadable is a ValueError."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["TooDeepError", "parse_json"]


class TooDeepError(ValueError):
    """JSON nested deeper than the parser's stack: hostile or broken input, never an article."""


def parse_json(text: str | bytes) -> Any:
    """``json.loads``, with nesting too deep to parse (``[[[[...``) raised as bad input.

    The parser otherwise raises RecursionError, which is no ValueError and would stop a batch.
    """
    try:
        return json.loads(text)
    except RecursionError:
        raise TooDeepError("JSON nested too deeply") from None
