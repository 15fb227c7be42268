"""Where an article quotes speech: the one detector that event and actor steps share.

Both ask "is this offset inside quoted speech?" (a trigger in the speaker's own words, a
person named inside a quote that a pronoun must not refer to); one answer keeps them
from disagreeing about what is quoted.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_QUOTE_OR_BREAK = re.compile('[“”"\n]')


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks; an unclosed quote runs to the end of its line,
    and a line that only closes a quote is quoted from its start (multi-paragraph quotes)."""
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    line_start = 0
    for match in _QUOTE_OR_BREAK.finditer(text):
        i, ch = match.start(), match.group()
        if ch == "\n":
            if start is not None:
                ranges.append((start, i))
            start, line_start = None, i + 1
        elif start is None and ch == "”":
            ranges.append((line_start, i + 1))
        elif start is None:
            start = i
        elif ch != "“":
            ranges.append((start, i + 1))
            start = None
    if start is not None:
        ranges.append((start, len(text)))
    return ranges


def inside(ranges: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The first quote range holding ``offset``, or None."""
    for start, end in ranges:
        if start <= offset < end:
            return start, end
    return None


class QuotedText:
    """Is an offset quoted? In log time over the merged ranges, for steps that ask it often."""

    def __init__(self, text: str) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(quote_ranges(text)):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self._starts = [start for start, _ in merged]
        self._ranges = merged

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ranges[i][1]
