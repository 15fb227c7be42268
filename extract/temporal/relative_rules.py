"""Rules for relative expressions: "last week", "two weeks ago", "a year earlier", "two days after the
attack", durations ("the past five weeks"), sets ("every Monday"), seasons and holidays.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import easter

from eventgraph.extract.lexicons.time import (
    DATE_PREPOSITIONS,
    DATE_YEAR,
    FIXED_HOLIDAYS,
    MONTH,
    NUM,
    SEASON,
    SEASONS,
    SPOKEN_YEAR,
    TIME_UNITS,
    UNITS,
    UNITS_PLURAL,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    month_number,
    number_value,
    spoken_year,
    unit_name,
)
from eventgraph.extract.temporal import calendar as timecal
from eventgraph.extract.temporal.grammar import (
    UNIT_TRIGGER,
    Context,
    Reading,
    anchored,
    cs,
    iso,
    mod_of,
    month_str,
    rule,
)
from eventgraph.extract.temporal.timex_types import Relation, Unit
from eventgraph.graph.model import DateInterval

_CALENDAR_UNITS: dict[str, Unit] = {
    "day": "day",
    "night": "day",
    "week": "week",
    "month": "month",
    "year": "year",
}
_PREFIX = (
    r"(?:(?P<pre>about|nearly|almost|more\s+than|less\s+than|at\s+least|at\s+most|roughly|over|around|"
    r"up\s+to|only|just|some|approximately)\s+)?"
)
_ANCHOR_STOP = re.compile(
    r"[,.;:!?()\"“”]|\s(?:and|but|when|which|that|who|while|where|as|in|on|at|by|with|for|to|from|was|were|"
    r"is|are|had|has|have|said|says)\b"
)


def _duration(amount: int | None, unit: str) -> str:
    letter, per = UNITS[unit]
    count = "X" if amount is None else str(amount * per)
    return f"PT{count}{letter}" if unit in TIME_UNITS else f"P{count}{letter}"


_HALF_UNITS = {"year": "Y6M", "day": "DT12H", "hour": "H30M", "minute": "M30S"}


def _half_duration(whole: int | None, unit: str) -> str:
    """ "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M: the half in the next smaller unit."""
    if whole is None or unit not in _HALF_UNITS:
        return _duration(None, unit)
    return f"{'PT' if unit in TIME_UNITS else 'P'}{whole}{_HALF_UNITS[unit]}"


def _unit_value(day: date, unit: Unit) -> str:
    """A day at the granularity of the unit that moved it ("three days ago" -> day, "a year ago" -> year)."""
    if unit in ("day", "week"):
        return iso(day)
    return month_str(day) if unit == "month" else f"{day.year:04d}"


# ---------------------------------------------------------------- this/last/next week, month, year ...


@rule(
    r"(?:(?P<mod>early|late|earlier|later|mid)[- ]?\s*(?:in\s+)?)?(?P<q>this|last|next|past|coming|current|"
    r"the\s+past|the\s+last|the\s+coming|the\s+current|the\s+next)\s+"
    r"(?P<u>week|weekend|month|year|decade|century|fiscal\s+year)",
    trigger=UNIT_TRIGGER,
)
def this_last_next(m: re.Match[str], ctx: Context) -> Reading | None:
    q = re.sub(r"\s+", " ", m["q"].lower())
    unit = m["u"].lower().replace("fiscal ", "")
    mod = mod_of(m["mod"])
    dct = ctx.need_dct()
    if q in ("past", "the past", "the last"):
        if unit == "weekend":
            return Reading("DATE", timecal.week_value(dct - timedelta(days=7)) + "-WE")
        calendar = _CALENDAR_UNITS.get(unit)
        if calendar is None:
            return None
        start = timecal.shift_day(dct, -1, calendar)
        return Reading("DURATION", _duration(1, unit), interval=DateInterval(start, dct, "range"))
    step = {"this": 0, "current": 0, "the current": 0, "last": -1, "next": 1, "coming": 1}.get(q, 1)
    if unit in ("week", "weekend"):
        value = timecal.week_value(dct + timedelta(weeks=step)) + ("-WE" if unit == "weekend" else "")
    elif unit == "month":
        value = month_str(timecal.add_months(dct, step))
    elif unit == "year":
        value = timecal.year_value(dct.year + step)
    elif unit == "decade":
        value = timecal.decade_value(dct.year, step)
    else:
        value = timecal.century_value(dct.year, step)
    return Reading("DATE", value, mod=mod)


@rule(
    r"(?:(?:at|by|until|before|toward|towards)\s+)?the\s+(?P<part>end|beginning|start|middle|close)\s+of\s+"
    r"(?:the|this|(?P<q>last|next))\s+(?P<u>week|month|year|quarter|decade)|(?P<ye>year[- ]end|year's\s+end)",
    trigger=UNIT_TRIGGER,
)
def end_of_current(m: re.Match[str], ctx: Context) -> Reading | None:
    dct = ctx.need_dct()
    unit = (m["u"] or "year").lower()
    part = (m["part"] or "end").lower()
    step = {"last": -1, "next": 1}.get((m["q"] or "").lower(), 0)
    if step and unit in ("week", "month", "year"):  # "the end of last month": that month's last days
        dct = timecal.shift_day(dct, step, _CALENDAR_UNITS[unit])
    mod = {"end": "END", "close": "END", "middle": "MID"}.get(part, "START")
    value = {
        "week": timecal.week_value(dct),
        "month": month_str(dct),
        "year": f"{dct.year:04d}",
        "quarter": timecal.quarter_value(dct),
        "decade": timecal.decade_value(dct.year),
    }[unit]
    return Reading("DATE", value, mod=mod)


@rule(r"the\s+weekend", trigger=UNIT_TRIGGER)
def the_weekend(m: re.Match[str], ctx: Context) -> Reading | None:
    dct = ctx.need_dct()
    future = ctx.tense_at(m.start(), m.end()) == "future"
    if future:
        day = dct if dct.weekday() < 5 else dct + timedelta(days=7)
    else:
        day = dct if dct.weekday() >= 5 else dct - timedelta(days=7)
    return Reading("DATE", timecal.week_value(day) + "-WE")


@rule(
    r"(?P<w>earlier|later)\s+(?P<q>this|that|in\s+the)\s+(?P<u>week|month|year|day)"
    r"|(?P<w2>earlier|later)\s+(?P<deixis>today)",
    trigger=UNIT_TRIGGER,
)
def earlier_this(m: re.Match[str], ctx: Context) -> Reading | None:
    dct = ctx.need_dct()
    mod = "EARLIER" if (m["w"] or m["w2"]).lower() == "earlier" else "LATER"
    unit = (m["u"] or "day").lower()
    if (m["q"] or "").lower() == "that":

        def from_ref(ref: str | None) -> str:
            return timecal.coarsen(ref, unit) if ref and ref[:1].isdigit() else "XXXX-XX-XX"  # type: ignore[arg-type]

        return Reading("DATE", from_ref(None), from_ref=from_ref, relation=Relation("same", None, unit))  # type: ignore[arg-type]
    value = {
        "day": iso(dct),
        "week": timecal.week_value(dct),
        "month": month_str(dct),
        "year": timecal.year_value(dct.year),
    }
    return Reading("DATE", value[unit], mod=mod)


# ---------------------------------------------------------------- anchored to another event


@rule(
    r"(?P<w>the\s+(?:previous|preceding|prior|following|next|same|subsequent)|that|that\s+same|the\s+very\s+same)"
    r"\s+(?P<u>day|night|morning|evening|afternoon|week|weekend|month|year)"
    r"|the\s+(?P<u2>day|night|week|month|year)\s+(?P<dir>before|after)(?!\s+(?:the|a|an|his|her|their|its)\b)",
    trigger=UNIT_TRIGGER,
)
def anchored_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    raw_unit = (m["u"] or m["u2"]).lower()
    unit: Unit = _CALENDAR_UNITS.get(raw_unit, "day") if raw_unit != "weekend" else "week"
    word = re.sub(r"\s+", " ", (m["w"] or m["dir"]).lower())
    if word.endswith(("previous", "preceding", "prior", "before")):
        direction, amount = "before", (1 if unit == "day" else None)
    elif word.endswith(("following", "next", "subsequent", "after")):
        direction, amount = "after", (1 if unit == "day" else None)
    else:
        direction, amount = "same", None
    if (
        word == "that"
        and raw_unit in ("week", "month", "year", "weekend")
        and ctx.previous_word(m.start()) == ""
    ):
        return None
    relation = Relation(direction, amount, unit)  # type: ignore[arg-type]
    step = {"before": -1, "after": 1, "same": 0}[direction]

    def from_ref(ref: str | None) -> str:
        if ref is None:
            return "XXXX-XX-XX"
        moved = timecal.shift_value(ref, step, unit)
        if moved is None:
            return "XXXX-XX-XX"
        return timecal.coarsen(moved, unit)

    return Reading(
        "TIME" if raw_unit in ("morning", "evening", "afternoon", "night") else "DATE",
        "XXXX-XX-XX",
        relation=relation,
        from_ref=from_ref,
    )


@rule(
    _PREFIX + rf"(?P<n>{NUM})\s+(?P<u>{UNITS_PLURAL})(?:\s+or\s+so)?\s+"
    r"(?P<dir>ago|earlier|later|before|after|afterwards?|prior|previously|since|back)",
    trigger=UNIT_TRIGGER,
)
def count_relative(m: re.Match[str], ctx: Context) -> Reading | None:
    unit_word = unit_name(m["u"])
    amount = number_value(m["n"])
    direction = m["dir"].lower()
    if unit_word == "quarter" or unit_word in TIME_UNITS:
        return Reading("DURATION", _duration(amount, unit_word)) if direction not in ("ago", "back") else None
    unit: Unit = _CALENDAR_UNITS.get(unit_word, "week" if unit_word == "fortnight" else "year")
    per = UNITS[unit_word][1] if unit == "year" or unit_word == "fortnight" else 1  # a fortnight: two weeks
    amount_in_unit = None if amount is None else amount * per
    if direction in ("ago", "back", "since"):
        if amount_in_unit is None:
            return Reading("DATE", "PAST_REF")
        dct = ctx.need_dct()
        day = timecal.shift_day(dct, -amount_in_unit, unit)
        if unit_word in ("decade", "century"):
            return Reading("DATE", f"{day.year:04d}")
        value = _unit_value(day, unit)

        def from_ref(ref: str | None) -> str:
            if unit == "year" and ref and re.fullmatch(r"\d{4}-[QH]\d", ref) and int(ref[:4]) == dct.year:
                return timecal.shift_value(ref, -amount_in_unit, "year") or value
            return value

        return Reading("DATE", value, from_ref=from_ref)
    backwards = direction in ("earlier", "before", "prior", "previously")
    relation = Relation("before" if backwards else "after", amount_in_unit, unit)
    if direction in ("before", "after", "prior"):
        anchor = _anchor_text(ctx.text, m.end())
        if direction == "prior":
            anchor = _anchor_text(ctx.text, m.end() + 3) if ctx.text[m.end() : m.end() + 3] == " to" else None
        extent_end = m.start("dir")
        while extent_end > m.start() and ctx.text[extent_end - 1].isspace():
            extent_end -= 1
        return Reading(
            "DURATION",
            _duration(amount, unit_word),
            relation=Relation(relation.direction, relation.amount, unit, anchor),
            extent=(m.start(), extent_end),
        )
    step = -1 if backwards else 1

    def shifted(ref: str | None) -> str:
        if amount_in_unit is None:
            return "PAST_REF" if backwards else "FUTURE_REF"
        base = ref if ref and ref[:1].isdigit() else (iso(ctx.dct) if ctx.dct else None)
        moved = base and timecal.shift_value(base, step * amount_in_unit, unit)
        return moved or "XXXX-XX-XX"

    return Reading("DATE", shifted(None), relation=relation, from_ref=shifted)


def _anchor_text(text: str, start: int) -> str | None:
    """The noun phrase after "after"/"before": up to the next clause boundary, at most eight words."""
    tail = text[start : start + 80]
    stop = _ANCHOR_STOP.search(tail, 1)
    phrase = " ".join(tail[: stop.start() if stop else len(tail)].split()[:8])
    return phrase or None


# ---------------------------------------------------------------- durations


@rule(
    r"(?:(?P<span>the\s+past|the\s+last|the\s+next|the\s+first|the\s+coming|the\s+final|the\s+previous|"
    r"the\s+latest|over\s+the\s+past|over\s+the\s+last|in\s+the\s+past|in\s+the\s+last|past|last|next|another|"
    r"the\s+entire|the\s+full|the\s+whole|the)\s+)?"
    + _PREFIX
    + rf"(?P<n>{NUM})(?:\s+(?:to|or)\s+{NUM})?(?:\s+(?:more|additional|straight|consecutive|full|long))?"
    rf"(?:\s+|-)(?P<u>{UNITS_PLURAL})(?P<half>\s+and\s+a\s+half)?(?P<old>[- ]old)?(?!-)",
    trigger=UNIT_TRIGGER,
)
def duration(m: re.Match[str], ctx: Context) -> Reading | None:
    unit_word = unit_name(m["u"])
    count = m["n"].lower()
    if m["old"] or (count in ("a", "an") and unit_word in ("second", "quarter", "night")):
        return None
    if count in ("a", "an") and re.search(
        r"(?:\d|\b(?:times|twice|once|percent|dollars|cents|million|billion|euros|pounds))\s*\S*\s*$",
        ctx.text[max(0, m.start() - 30) : m.start()],
    ):
        return Reading("SET", _duration(1, unit_word))
    if m["half"] or count.endswith(("1/2", "and a half")):  # "2 1/2 years", "a minute and a half"
        whole = number_value(re.sub(r"\s+(?:1/2|and a half)$", "", count))
        return Reading("DURATION", _half_duration(whole, unit_word))
    amount = number_value(count)
    if count in ("some", "many") and not m["u"].lower().endswith("s"):
        return None
    value = _duration(amount, unit_word)
    span = re.sub(r"\s+", " ", (m["span"] or "").lower()).removeprefix("over the ").removeprefix("in the ")
    unit = _CALENDAR_UNITS.get(unit_word)
    if (
        unit_word == "hour"
        and amount
        and ctx.dct is not None
        and span in ("past", "last", "the past", "the last")
    ):
        # "in the past 24 hours": the days those hours reach back into, up to the day of writing
        start = ctx.dct - timedelta(days=-(-amount // 24))
        return Reading("DURATION", value, interval=DateInterval(start, ctx.dct, "range"))
    if (
        amount is None
        or unit is None
        or ctx.dct is None
        or span not in ("past", "last", "the past", "the last", "next", "the next", "the coming")
    ):
        return Reading("DURATION", value)
    step = amount if span.endswith(("next", "coming")) else -amount
    other = timecal.shift_day(ctx.dct, step, unit)
    start, end = min(other, ctx.dct), max(other, ctx.dct)
    return Reading("DURATION", value, interval=DateInterval(start, end, "range"))


@rule(
    r"(?P<q>for|in|over|within|after|recent|the\s+coming|coming|the\s+past\s+few|the\s+last\s+few|"
    r"the\s+next\s+few)\s+(?P<u>years|months|weeks|days|decades|hours|minutes)(?!\s+(?:ago|earlier|later|of))",
    trigger=UNIT_TRIGGER,
)
def vague_duration(m: re.Match[str], ctx: Context) -> Reading | None:
    unit_word = unit_name(m["u"])
    q = m["q"].lower()
    if q == "recent" and unit_word == "year":
        return Reading("DATE", "PAST_REF")
    reading = Reading("DURATION", _duration(None, unit_word))
    if q in ("for", "in", "over", "within", "after"):
        return Reading(reading.type, reading.value, extent=(m.start("u"), m.end()))
    return reading


# ---------------------------------------------------------------- sets


@rule(
    rf"(?:every|each)\s+(?:other\s+)?(?P<u>day|week|month|year|morning|afternoon|evening|night|weekend|quarter|"
    rf"{WEEKDAY})|(?P<a>daily|weekly|monthly|annually|yearly|quarterly|nightly|hourly|biweekly)"
    r"|(?P<f>once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|an|per|each)\s+(?P<fu>day|week|month|year)"
    r"|(?:per|a)\s+(?P<pu>annum)",
    trigger=UNIT_TRIGGER,
)
def frequency(m: re.Match[str], ctx: Context) -> Reading | None:
    word = (m["u"] or m["a"] or m["fu"] or m["pu"]).lower()
    if word in WEEKDAYS:
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[word]}")
    adverbs = {
        "daily": "day",
        "weekly": "week",
        "monthly": "month",
        "annually": "year",
        "yearly": "year",
        "quarterly": "quarter",
        "nightly": "day",
        "hourly": "hour",
        "biweekly": "week",
        "annum": "year",
    }
    parts = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}
    if word in parts:
        return Reading("SET", f"XXXX-XX-XX{parts[word]}")
    unit = adverbs.get(word, word)
    if word == "weekend":
        return Reading("SET", "XXXX-WXX-WE")
    amount = 2 if word == "biweekly" else 1
    return Reading("SET", _duration(amount, unit))


@rule(rf"(?:every|each)\s+(?P<mon>{cs(MONTH)})")
def every_month(m: re.Match[str], ctx: Context) -> Reading | None:
    """ "each July": a set of months (without a trigger, as month names are no units)."""
    return Reading("SET", f"XXXX-{month_number(m['mon']):02d}")


# ---------------------------------------------------------------- seasons and holidays


@rule(
    rf"(?:(?P<mod>early|late|mid)[- ]?\s*)?(?:(?P<q>this|last|next|past|coming|the)\s+)?"
    rf"(?:(?P<mod2>early|late|mid)[- ]?\s*)?(?P<s>{SEASON})"
    rf"(?:\s+(?:of\s+)?(?:(?P<y>{DATE_YEAR})|(?P<sy>{SPOKEN_YEAR})))?"
    rf"|(?P<y2>{YEAR})\s+(?P<s2>{SEASON})",
    trigger=UNIT_TRIGGER,
)
def season(m: re.Match[str], ctx: Context) -> Reading | None:
    code = SEASONS[(m["s"] or m["s2"]).lower()]
    mod = mod_of(m["mod"] or m["mod2"])
    year_text = m["y"] or m["y2"] or (m["sy"] and timecal.year_value(spoken_year(m["sy"])))
    if year_text:
        return Reading("DATE", f"{year_text}-{code}", mod=mod)
    q = (m["q"] or "").lower()
    if not q:
        return None
    if q == "the" and ctx.previous_word(m.start()) not in DATE_PREPOSITIONS | {"during", "over", "this"}:
        return None
    if q == "the":
        reading = anchored(f"XXXX-{code}", m, ctx)
        return reading and Reading(reading.type, reading.value, reading.anchor, mod=mod)
    dct = ctx.need_dct()
    years = range(dct.year - 2, dct.year + 2)
    candidates = [(y, timecal.interval_of_value(f"{y:04d}-{code}")) for y in years]
    if q == "this":
        year_ = dct.year - (code == "WI" and dct.month <= 2)
    elif q in ("last", "past"):
        year_ = max(y for y, iv in candidates if iv and iv.end < dct)
    else:
        year_ = min(y for y, iv in candidates if iv and iv.start > dct)
    return Reading("DATE", f"{timecal.year_value(year_)}-{code}", mod=mod)


def _moveable(name: str, year_: int) -> date:
    if name.startswith("easter"):
        day: date = easter(year_)
        return day
    month_, weekday_, nth = {"thanksgiving": (11, 3, 4), "labor day": (9, 0, 1), "memorial day": (5, 0, -1)}[
        next(k for k in ("thanksgiving", "labor day", "memorial day") if name.startswith(k))
    ]
    if nth < 0:
        last = timecal.month_end(year_, month_)
        return last - timedelta(days=(last.weekday() - weekday_) % 7)
    first = date(year_, month_, 1)
    return first + timedelta(days=(weekday_ - first.weekday()) % 7 + 7 * (nth - 1))


@rule(
    r"(?:(?P<q>last|this|next)\s+)?(?P<h>(?-i:Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)?|"
    r"Thanksgiving(?:\s+Day)?|Independence\s+Day|July\s+Fourth|the\s+Fourth\s+of\s+July|Halloween|"
    r"Valentine's\s+Day|Veterans\s+Day|Easter(?:\s+Sunday)?|Labor\s+Day|Memorial\s+Day))"
    rf"(?:,?\s+(?P<y>{DATE_YEAR}))?"
)
def holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    name = re.sub(r"\s+", " ", m["h"].lower())
    if name in FIXED_HOLIDAYS:
        month_, day_ = FIXED_HOLIDAYS[name]
        if m["y"]:
            return Reading("DATE", f"{m['y']}-{month_:02d}-{day_:02d}")
        if not m["q"]:
            return anchored(f"XXXX-{month_:02d}-{day_:02d}", m, ctx)
        dct = ctx.need_dct()
        this_year = date(dct.year, month_, day_)
        q = m["q"].lower()
        year_ = dct.year - (q == "last" and this_year >= dct) + (q == "next" and this_year <= dct)
        return Reading("DATE", iso(date(year_, month_, day_)))
    if m["y"]:
        return Reading("DATE", iso(_moveable(name, int(m["y"]))))
    dct = ctx.need_dct()
    tense = ctx.tense_at(m.start(), m.end())
    days = [_moveable(name, y) for y in (dct.year - 1, dct.year, dct.year + 1) if 1 <= y <= 9999]
    if tense == "future" or (m["q"] or "").lower() == "next":
        return Reading("DATE", iso(min(d for d in days if d >= dct)))
    return Reading("DATE", iso(max(d for d in days if d <= dct)))
