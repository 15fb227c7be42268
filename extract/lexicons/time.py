"""Words of the temporal grammar and the regex macros built from them (HeidelTime's %reMonth, %reUnit ...).

Every table maps a surface word to its normalized meaning, so the rules stay patterns plus arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from eventgraph.extract.lexicons.numbers import SMALL_NUMBERS, TENS, VAGUE_COUNTS

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan",
        "february feb",
        "march mar",
        "april apr",
        "may",
        "june jun",
        "july jul",
        "august aug",
        "september sept sep",
        "october oct",
        "november nov",
        "december dec",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"), start=1
    )
}

# TIMEX3 duration letters; time units go after the "T" designator.
UNITS: dict[str, tuple[str, int]] = {
    "second": ("S", 1),
    "minute": ("M", 1),
    "hour": ("H", 1),
    "day": ("D", 1),
    "night": ("D", 1),
    "week": ("W", 1),
    "fortnight": ("W", 2),
    "month": ("M", 1),
    "quarter": ("Q", 1),
    "year": ("Y", 1),
    "decade": ("Y", 10),
    "century": ("Y", 100),
}
TIME_UNITS = frozenset({"second", "minute", "hour"})
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
FIXED_HOLIDAYS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "july fourth": (7, 4),
    "the fourth of july": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "veterans day": (11, 11),
}

# Words before a month name that make it a date ("in May", not the modal "may"), or before "the" of
# a date expression ("during the summer").
DATE_PREPOSITIONS = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "of",
        "from",
        "to",
        "through",
        "during",
        "before",
        "after",
        "early",
        "late",
        "mid",
        "last",
        "this",
        "next",
        "between",
        "and",
        "or",
        "around",
    ]
)
# Words ending in "s" after a year that leave it a year: "2000 troops" is a count, "2000 was" a year.
NOT_PLURAL_NOUNS = frozenset(
    ["was", "has", "is", "as", "his", "its", "this", "us", "plus", "thus", "versus", "whereas"]
)
# Tokens next to a four-digit number that make it a year, not a count ("(2019)", "2019 to 2021").
YEAR_CONTEXT = frozenset(["(", ")", "-", "–", "—", "/", "to", "through", "until", "since"])


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


_DIGIT_WORDS = "|".join(SMALL_NUMBERS[1:10])
NUM_WORD = rf"(?:(?:{'|'.join(TENS)})(?:[- ](?:{_DIGIT_WORDS}))?|{'|'.join(reversed(SMALL_NUMBERS))})"
# a count in front of a unit: digits, number words, "a"/"an", "a hundred", or a vague quantifier
NUM = (
    rf"(?:\d{{1,3}}(?:\s+1/2|(?:,\d{{3}})*(?:\.\d+)?)|{NUM_WORD}(?: and a half)?|an?|"
    rf"{_alternation(VAGUE_COUNTS)})"
)
_TEENS = "|".join(reversed(SMALL_NUMBERS[10:20]))
_TWO_DIGITS = rf"(?:(?:{'|'.join(TENS)})(?:[- ](?:{_DIGIT_WORDS}))?|{_TEENS}|oh[- ](?:{_DIGIT_WORDS}))"
# a year said in words, as transcripts write it: "nineteen ninety-six", "nineteen oh five",
# "two thousand and one" ("twelve hundred" is left alone: mostly a count)
SPOKEN_YEAR = (
    rf"(?:(?:{_TEENS}|twenty)[- ]{_TWO_DIGITS}"
    rf"|two\s+thousand(?:(?:\s+and)?[- ](?:{_TWO_DIGITS}|{_DIGIT_WORDS}))?)(?![\w-])"
)
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ies))"
UNITS_PLURAL = rf"{UNIT}s?"
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
WEEKDAY = r"(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"  # a bare number read as a year: "2000 troops" is not one
# a year written after a month, a day or a season ("December 2100"): any four-digit year of the calendar
DATE_YEAR = r"(?:[1-9]\d{3})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"


def number_value(word: str) -> int | None:
    """The integer a count word or numeral stands for; None for vague counts ("several")."""
    word = word.lower().replace(",", "").strip()
    half = word.endswith(" and a half")
    word = word.removesuffix(" and a half")
    if word in ("a", "an", "one"):
        return 1
    if word in ("a couple of", "couple of"):  # TimeML reads "a couple of years" as two (P2Y)
        return 2
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        number = float(word)
        return int(number) if number.is_integer() and not half else None
    if word in SMALL_NUMBERS:
        return SMALL_NUMBERS.index(word) if not half else None
    parts = re.split(r"[- ]", word)
    if parts[0] in TENS and not half:
        value: int = 20 + 10 * TENS.index(parts[0])
        if len(parts) == 2 and parts[1] in SMALL_NUMBERS[1:10]:
            value += SMALL_NUMBERS.index(parts[1])
        return value
    return None


def spoken_year(words: str) -> int:
    """The year a SPOKEN_YEAR match says: "nineteen ninety-six" 1996, "two thousand and one" 2001."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w not in ("and", "oh")]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + (number_value("-".join(parts[2:])) or 0 if parts[2:] else 0)
    century = 20 if parts[0] == "twenty" else SMALL_NUMBERS.index(parts[0])
    return 100 * century + (number_value("-".join(parts[1:])) or 0)


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def unit_name(word: str) -> str:
    """Singular unit name for "days", "centuries", "Weeks"."""
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word.removesuffix("s")


# Words that place a happening in the night before the day it is reported ("struck overnight").
OVERNIGHT = frozenset(["overnight"])

# Openers that place a sentence on the day of the happening told just before it ("Hours later, ...",
# "Early in the day, ..."); TimeML does not tag them, so dating reads them, not the tagger.
SAME_DAY_OPENERS = re.compile(
    r"\s*(?:(?:early|earlier|late|later)\s+in\s+the\s+day|(?:hours|minutes|moments)\s+(?:later|earlier|afterwards?)"
    r"|(?:a\s+few|several|two|three)\s+hours\s+(?:later|earlier|afterwards?))\b",
    re.IGNORECASE,
)

# Verbs telling that something began and went on: "since fighting broke out on Friday" covers what came since.
ONSET_VERBS = frozenset(
    ["begin", "start", "erupt", "break", "resume", "escalate", "intensify", "flare", "spread"]
)
