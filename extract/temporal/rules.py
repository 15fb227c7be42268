"""Rules for calendar expressions: dates, months, years, quarters, weekdays, days relative to today, times.

Patterns over words with normalization functions, in the manner of HeidelTime; see ``timex_grammar``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventgraph.extract.lexicons.numbers import ORDINALS
from eventgraph.extract.lexicons.time import (
    DATE_PREPOSITIONS,
    DATE_YEAR,
    DAY,
    MONTH,
    MONTHS,
    NOT_PLURAL_NOUNS,
    PART_OF_DAY,
    PARTS_OF_DAY,
    SPOKEN_YEAR,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    month_number,
    spoken_year,
)
from eventgraph.extract.temporal import calendar as timecal
from eventgraph.extract.temporal.grammar import (
    PART_OF,
    Context,
    Reading,
    anchored,
    cs,
    iso,
    mod_of,
    part_mod,
    rule,
    safe_date,
)
from eventgraph.extract.temporal.timex_types import TimexType
from eventgraph.graph.model import DateInterval

_PART_FOR_WEEKDAY = {"MO": "TMO", "AF": "TAF", "EV": "TEV", "NI": "TNI"}

# ---------------------------------------------------------------- calendar dates


@rule(r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)")
def iso_date(m: re.Match[str], ctx: Context) -> Reading | None:
    day = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Reading("DATE", iso(day)) if day else None


@rule(r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d\d)")
def slash_date(m: re.Match[str], ctx: Context) -> Reading | None:
    year = int(m["y"])
    if year < 100:
        year += 1900 if year >= 50 else 2000
    day = safe_date(year, int(m["m"]), int(m["d"]))
    return Reading("DATE", iso(day)) if day else None


# "June last year", "February of this year": the year named relative to the publication date
_RELATIVE_YEAR = r",?\s+(?:of\s+)?(?P<ry>this|last|next)\s+year"


def _relative_year(m: re.Match[str], ctx: Context) -> str | None:
    if not m["ry"]:
        return None
    return timecal.year_value(ctx.need_dct().year + {"this": 0, "last": -1, "next": 1}[m["ry"].lower()])


def _month_day(
    month: int, day_number: int, year: str | None, m: re.Match[str], ctx: Context
) -> Reading | None:
    if year:
        day = safe_date(int(year), month, day_number)
        return Reading("DATE", iso(day)) if day else None
    if safe_date(2000, month, day_number) is None:
        return None
    return anchored(f"XXXX-{month:02d}-{day_number:02d}", m, ctx)


# A capitalised word glued to a month-day ("the ship Ocean May 4") makes it part of a name.
_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")
_NAME_WORD = re.compile(r"[A-Z][a-z][\w'’-]*")


def _in_name(start: int, text: str) -> bool:
    """Whether the month-day at ``start`` continues a proper name mid-sentence (not a weekday or month)."""
    before = text[max(0, start - 40) : start]
    m = _WORD_BEFORE.search(before)
    if m is None or not _NAME_WORD.fullmatch(m[1]):
        return False
    rest = before[: m.start(1)].rstrip(" \t")
    if not rest or rest[-1] in '.!?:;"“\n':
        return False  # the sentence's first word: "Since May 2", "On May 2"
    if rest.split()[-1].lower() in _PLACE_PREPOSITIONS:
        return False  # "met in Paris May 2": a place, then the date
    word = m[1].lower()
    return word not in WEEKDAYS and word not in MONTHS and word not in _DATE_LEADS


_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "outside", "into"})
# Capitalised words that may lead a date mid-sentence.
_DATE_LEADS = frozenset(
    {"on", "in", "since", "until", "till", "from", "by", "before", "after", "of", "late", "early", "mid"}
)


@rule(
    rf"(?P<mon>{cs(MONTH)})\s+(?P<d>{DAY})(?:st|nd|rd|th)?(?:\s*(?:-|–|to)\s*(?P<d2>{DAY})(?:st|nd|rd|th)?)?"
    rf"(?:,?\s+(?P<y>{DATE_YEAR})|{_RELATIVE_YEAR})?(?![:.,]?\d)"
)
def month_day(m: re.Match[str], ctx: Context) -> Reading | None:
    if not m["y"] and _in_name(m.start(), ctx.text):
        return None
    reading = _month_day(month_number(m["mon"]), int(m["d"]), m["y"] or _relative_year(m, ctx), m, ctx)
    if reading is None or not m["d2"] or (ctx.dct is None and not m["y"]):
        return reading
    first = timecal.interval_of_value(reading.value)
    last = safe_date(first.start.year, first.start.month, int(m["d2"])) if first else None
    if first is None or last is None or last < first.start:
        return reading
    return Reading(
        reading.type, reading.value, reading.anchor, interval=DateInterval(first.start, last, "range")
    )


@rule(
    rf"(?:(?P<d0>{DAY})(?:st|nd|rd|th)?\s*(?P<sep>-|–|to|and)\s*)?"
    rf"(?:the\s+)?(?P<d>{DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{cs(MONTH)})(?:,?\s+(?P<y>{DATE_YEAR}))?"
)
def day_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "3 May 2020"; "3-4 May", "the night of 3 to 4 May", "between 1 and 3 May": the days from the first."""
    month_ = month_number(m["mon"])
    if not m["d0"]:
        return _month_day(month_, int(m["d"]), m["y"], m, ctx)
    if m["sep"] == "and" and ctx.previous_word(m.start()) != "between":  # "1 and 3 May": only the date
        single = _month_day(month_, int(m["d"]), m["y"], m, ctx)
        return single and Reading(single.type, single.value, single.anchor, extent=(m.start("d"), m.end()))
    first = _month_day(month_, int(m["d0"]), m["y"], m, ctx)
    start = timecal.interval_of_value(first.value) if first else None
    end = safe_date(start.start.year, month_, int(m["d"])) if start else None
    if first is None or start is None or end is None or end <= start.start:
        return None
    return Reading(first.type, first.value, first.anchor, interval=DateInterval(start.start, end, "range"))


@rule(
    rf"(?:{PART_OF})?(?:(?P<mod>early|late|mid)[- ]?\s*)?(?:(?P<q>this|last|next|the)\s+)?"
    rf"(?P<mon>{cs(MONTH)})"
    rf"(?:,?\s+(?:of\s+)?(?:(?P<y>{DATE_YEAR})|(?P<sy>{SPOKEN_YEAR}))|{_RELATIVE_YEAR})?"
)
def month(m: re.Match[str], ctx: Context) -> Reading | None:
    number = month_number(m["mon"])
    mod = mod_of(m["mod"]) or part_mod(m["part"])
    q = (m["q"] or "").lower()
    year_ = m["y"] or (m["sy"] and timecal.year_value(spoken_year(m["sy"]))) or _relative_year(m, ctx)
    if year_:
        return Reading("DATE", f"{year_}-{number:02d}", mod=mod)
    if q == "the" or m["mon"].endswith(".") or (len(m["mon"]) == 3 and m["mon"] != "May"):
        return None
    if (
        m["mon"].lower() in ("may", "march")
        and not (mod or q)
        and ctx.previous_word(m.start()) not in (DATE_PREPOSITIONS)
    ):
        return None
    if q in ("this", "last", "next"):
        dct = ctx.need_dct()
        year = dct.year
        if q == "last":
            year -= number >= dct.month
        elif q == "next":
            year += number <= dct.month
        return Reading("DATE", f"{timecal.year_value(year)}-{number:02d}", mod=mod)
    reading = anchored(f"XXXX-{number:02d}", m, ctx)
    return reading and Reading(reading.type, reading.value, reading.anchor, mod=mod)


@rule(
    rf"(?:{PART_OF})?(?:(?:the\s+)?(?P<mod>early|late|mid)[- ]?\s*)?"
    rf"(?:(?P<fy>fiscal(?:\s+year)?|FY|calendar|the\s+year)\s*)?(?P<y>{DATE_YEAR})(?!\s*(?:%|percent)|[-/–]\d|,\d|'?s\b)"
)
def year(m: re.Match[str], ctx: Context) -> Reading | None:
    if not m["fy"] and not re.fullmatch(YEAR, m["y"]):
        return None  # "2500" alone is a number; "the year 2500" and "fiscal 2500" are years
    if not (m["mod"] or m["fy"]):
        if _counts_things(ctx, m.end()):
            return None  # "2000 troops"
        if (
            re.search(
                r"(?:\d|\b(?:about|some|nearly|approximately|than|of|No\.|Flight|Route))\s*$",
                ctx.text[max(0, m.start() - 14) : m.start()],
            )
            and ctx.previous_word(m.start()) != "of"
        ):
            return None
    return Reading("DATE", m["y"], mod=mod_of(m["mod"]) or part_mod(m["part"]))


@rule(rf"(?:the\s+year\s+)?(?P<sy>{SPOKEN_YEAR})")
def year_in_words(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "nineteen ninety-six", "the year two thousand" (broadcast transcripts)."""
    if _counts_things(ctx, m.end()):
        return None
    return Reading("DATE", timecal.year_value(spoken_year(m["sy"])))


def _counts_things(ctx: Context, end: int) -> bool:
    """Whether the number ending at ``end`` counts a plural noun ("2000 troops") rather than names a year."""
    follower = re.match(r"\s+([a-z]+)", ctx.text[end : end + 30])
    return bool(follower and follower[1].endswith("s") and follower[1] not in NOT_PLURAL_NOUNS)


_ORDINAL_CENTURIES = {
    **{word: n for n, word in enumerate(["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth"], 10)},
    **{word: n for n, word in enumerate(["fifteenth", "sixteenth", "seventeenth", "eighteenth"], 15)},
    **{"nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21},
}


@rule(
    rf"(?:the\s+)?(?:(?P<mod>early|late|mid)[- ]?\s*)?(?:(?P<n>[1-9]\d?)(?:st|nd|rd|th)"
    rf"|(?P<w>{'|'.join(sorted(_ORDINAL_CENTURIES, key=len, reverse=True))}))[- ]century",
    trigger="century",
)
def ordinal_century(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "the 20th century" is the TIMEX3 century 19 (1900-1999)."""
    number = int(m["n"]) if m["n"] else _ORDINAL_CENTURIES[re.sub(r"[\s-]+", "-", m["w"].lower())]
    return Reading("DATE", timecal.century_value((number - 1) * 100), mod=mod_of(m["mod"]))


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7}
_DECADE_WORDS |= {"eighties": 8, "nineties": 9}


@rule(rf"the\s+(?:(?P<mod>early|late|mid)[- ]?\s*)?(?:nineteen[- ])?(?P<w>{'|'.join(_DECADE_WORDS)})")
def decade_in_words(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "the nineties", "the late sixties": decades of the 1900s."""
    return Reading("DATE", f"19{_DECADE_WORDS[m['w'].lower()]}", mod=mod_of(m["mod"]))


@rule(r"(?:the\s+)?(?:(?P<mod>early|late|mid)[- ]?\s*)?(?:(?P<y>1[6-9]\d0|20\d0)|'(?P<yy>\d0))'?s")
def decade(m: re.Match[str], ctx: Context) -> Reading | None:
    value = m["y"][:3] if m["y"] else "19" + m["yy"][0]
    return Reading("DATE", value, mod=mod_of(m["mod"]))


@rule(
    rf"(?:the\s+)?(?:(?P<ya>{YEAR})(?:'s)?\s+|(?P<ago>year-ago|year-earlier|year-before|prior-year)\s+|"
    r"(?P<rya>this|last|next)\s+year's\s+|(?:fiscal|calendar)[- ]?)*"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter"
    rf"(?:\s+(?:of|in)\s+(?:fiscal\s+)?(?:(?P<y>{DATE_YEAR})|(?P<rel>this|last|next)\s+year))?",
    trigger="quarter",
)
def quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    number = ORDINALS[m["ord"].lower()]
    if m["ya"] or m["y"]:
        return Reading("DATE", f"{m['ya'] or m['y']}-Q{number}")
    dct = ctx.need_dct()
    year_ = dct.year - (date(dct.year, 3 * number - 2, 1) > dct)
    if m["rel"] or m["rya"]:  # "the first quarter of next year", "this year's third quarter"
        year_ = dct.year + {"this": 0, "last": -1, "next": 1}[(m["rel"] or m["rya"]).lower()]
    elif m["ago"]:
        year_ -= 1
    return Reading("DATE", f"{timecal.year_value(year_)}-Q{number}")


@rule(
    r"(?:the\s+)?(?P<q>latest|most\s+recent|recent|last|past|current|this|next|coming|same|"
    r"year-ago|year-earlier|comparable|prior-year|year-before)?(?:\s+(?:fiscal\s+)?)?(?<![\w-])quarter(?!\s+of\b|-)",
    trigger="quarter",
)
def named_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    q = re.sub(r"\s+", " ", (m["q"] or "").lower())
    if not q and not m[0].lower().startswith("the"):
        return None
    dct = ctx.need_dct()
    if q in ("current", "this"):
        return Reading("DATE", timecal.quarter_value(dct))
    if q in ("next", "coming"):
        return Reading("DATE", timecal.quarter_value(timecal.add_months(dct, 3)))
    previous = timecal.quarter_value(timecal.add_months(dct, -3))
    if q == "last":
        return Reading("DATE", previous)
    shift = -1 if q in ("year-ago", "year-earlier", "comparable", "prior-year", "year-before") else 0

    def from_ref(ref: str | None) -> str:
        base = ref if ref and re.fullmatch(r"\d{4}-Q\d", ref) else previous
        return timecal.shift_value(base, shift, "year") or base

    return Reading("DATE", from_ref(None), from_ref=from_ref)


@rule(
    rf"(?-i:(?P<p>[QH])(?P<n>[1-4]))[\s-]+(?P<y>{DATE_YEAR})|(?P<y2>{DATE_YEAR})[\s-]*(?-i:(?P<p2>[QH])(?P<n2>[1-4]))"
)
def quarter_code(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "Q3 2019", "2019-Q3", "H1 2020": the business shorthand for quarters and halves."""
    part, number = (m["p"] or m["p2"]), int(m["n"] or m["n2"])
    if part == "H" and number > 2:
        return None
    return Reading("DATE", f"{m['y'] or m['y2']}-{part}{number}")


@rule(
    r"(?:the\s+)?(?P<ord>first|second|last|latter)\s+half(?:\s+of\s+(?:(?P<y>"
    + DATE_YEAR
    + r")|(?P<rel>this|last|next)\s+year|the\s+year|(?:the\s+)?'(?P<yy>\d0)s))?",
    trigger="half",
)
def half(m: re.Match[str], ctx: Context) -> Reading | None:
    number = 1 if m["ord"].lower() == "first" else 2
    if m["yy"]:
        return Reading("DATE", "19" + m["yy"][0], mod="START" if number == 1 else "END")
    if m["y"]:
        return Reading("DATE", f"{m['y']}-H{number}")
    if not m[0].lower().startswith("the"):
        return None
    dct = ctx.need_dct()
    offset = {"this": 0, "last": -1, "next": 1}.get((m["rel"] or "this").lower(), 0)
    return Reading("DATE", f"{timecal.year_value(dct.year + offset)}-H{number}")


@rule(
    rf"the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<mon>{cs(MONTH)})"
    rf"(?:,?\s+(?P<y>{DATE_YEAR}))?"
)
def week_of_month(m: re.Match[str], ctx: Context) -> Reading | None:
    number = month_number(m["mon"])
    if m["y"]:
        value = f"{m['y']}-{number:02d}"
    else:
        if ctx.dct is None:
            return Reading("DATE", f"XXXX-{number:02d}")
        value = timecal.anchor_value(f"XXXX-{number:02d}", ctx.dct, ctx.tense_at(m.start(), m.end()))
    month_iv = timecal.interval_of_value(value)
    if month_iv is None:
        return None
    ordinal = m["ord"].lower()
    if ordinal in ("last", "final"):
        start = month_iv.end - timedelta(days=6)
    else:
        start = month_iv.start + timedelta(days=7 * (ORDINALS[ordinal] - 1))
    return Reading(
        "DATE", value, interval=DateInterval(start, min(start + timedelta(days=6), month_iv.end), "range")
    )


@rule(
    rf"the\s+week\s+of\s+(?P<mon>{cs(MONTH)})\s+(?P<d>{DAY})(?:st|nd|rd|th)?(?:,?\s+(?P<y>{DATE_YEAR}))?"
    rf"(?![:.,]?\d)",
    trigger="week",
)
def week_of_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "the week of March 6": the (ISO) week holding that day."""
    reading = _month_day(month_number(m["mon"]), int(m["d"]), m["y"], m, ctx)
    day = timecal.interval_of_value(reading.value) if reading else None
    if day is None:
        return None
    week = timecal.week_value(day.start)
    return Reading("DATE", week, interval=timecal.interval_of_value(week))


# ---------------------------------------------------------------- weekdays, deictic days, times of day


@rule(
    rf"(?:(?P<q>last|this|next|past|coming|early|late|earlier|later)\s+)?(?P<wd>{WEEKDAY})(?P<pl>s)?(?:'s)?"
    rf"(?:\s+(?P<pod>{PART_OF_DAY})(?P<podpl>s)?)?(?:,?\s+(?:of\s+)?(?P<wk>last|this|next|previous)\s+week)?"
)
def weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    number = WEEKDAYS[m["wd"].lower()]
    part = _PART_FOR_WEEKDAY[PARTS_OF_DAY[m["pod"].lower()]] if m["pod"] else ""
    if m["pl"] or m["podpl"]:  # "Tuesdays", "Tuesday nights"
        return Reading("SET", f"XXXX-WXX-{number}{part}")
    q = (m["q"] or "").lower()
    kind: TimexType = "TIME" if part else "DATE"
    if m["wk"] and not q:  # "Wednesday last week": that weekday in the named week
        dct = ctx.need_dct()
        weeks = {"last": -1, "previous": -1, "this": 0, "next": 1}[m["wk"].lower()]
        monday = dct - timedelta(days=dct.weekday()) + timedelta(weeks=weeks)
        return Reading(kind, iso(monday + timedelta(days=number - 1)) + part)
    if q in ("last", "past", "next", "coming", "this"):
        dct = ctx.need_dct()
        delta = number - 1 - dct.weekday()
        if q in ("last", "past"):
            delta = -((-delta - 1) % 7 + 1)
        elif q in ("next", "coming"):
            delta = (delta - 1) % 7 + 1
        return Reading(kind, iso(dct + timedelta(days=delta)) + part)
    reading = anchored(f"XXXX-WXX-{number}{part}", m, ctx)
    return reading and Reading(kind, reading.value, reading.anchor)


@rule(
    rf"(?:(?P<q>early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+"
    rf"yesterday|the\s+day\s+after\s+tomorrow)(?:'s)?(?:\s+(?P<pod>{PART_OF_DAY}))?"
)
def deictic_day(m: re.Match[str], ctx: Context) -> Reading | None:
    word = re.sub(r"\s+", " ", m["w"].lower())
    if word == "today" and m[0][:1].isupper() and ctx.text[m.end() : m.end() + 1] == "'":
        return None  # the "Today" show, "Today's Woman"
    dct = ctx.need_dct()
    offset = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}
    day = dct + timedelta(days=offset.get(word, 0))
    part = "NI" if word == "tonight" else PARTS_OF_DAY[m["pod"].lower()] if m["pod"] else ""
    if part:
        return Reading("TIME", f"{iso(day)}T{part}")
    return Reading("DATE", iso(day))


@rule(rf"(?P<q>this|last|early\s+this|late\s+this|later\s+this)\s+(?P<pod>{PART_OF_DAY})")
def part_of_today(m: re.Match[str], ctx: Context) -> Reading | None:
    dct = ctx.need_dct()
    day = dct - timedelta(days=1) if m["q"].lower() == "last" else dct
    return Reading("TIME", f"{iso(day)}T{PARTS_OF_DAY[m['pod'].lower()]}")


@rule(
    r"(?:(?:about|around|approximately|shortly\s+after|shortly\s+before|just\s+after|just\s+before)\s+)?"
    r"(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?!\w)"
    r"(?:\s+(?P<tz>(?-i:[A-Z]{3})|GMT|UTC|local\s+time))?"
)
def clock_time(m: re.Match[str], ctx: Context) -> Reading | None:
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    minutes = f":{m['mi']}" if m["mi"] else ":00"
    if ctx.dct is None:
        return Reading("TIME", f"XXXX-XX-XXT{hour:02d}{minutes}")
    return Reading("TIME", f"{iso(ctx.dct)}T{hour:02d}{minutes}")


@rule(r"(?P<w>noon|midnight|midday)")
def noon(m: re.Match[str], ctx: Context) -> Reading | None:
    hour = "24:00" if m["w"].lower() == "midnight" else "12:00"
    return Reading("TIME", f"{iso(ctx.need_dct())}T{hour}")


# ---------------------------------------------------------------- references without a calendar position


@rule(
    r"(?P<w>now|right\s+now|currently|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment|"
    r"recently|lately|previously|formerly|in\s+the\s+past|once\s+again(?!\w)|soon|the\s+future|the\s+near\s+future)"
)
def reference(m: re.Match[str], ctx: Context) -> Reading | None:
    word = re.sub(r"\s+", " ", m["w"].lower())
    if word.startswith("once"):
        return None
    if word in ("recently", "lately", "previously", "formerly", "in the past"):
        return Reading("DATE", "PAST_REF")
    if word in ("soon", "the future", "the near future"):
        return Reading("DATE", "FUTURE_REF")
    return Reading("DATE", "PRESENT_REF")
