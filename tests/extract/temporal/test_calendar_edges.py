"""Dates at the edges of the calendar (0001-01-01 .. 9999-12-31), for the tagger, the resolver and query
windows alike: a value is a valid TIMEX3 value inside the calendar, or the expression is left unresolved
(tagger) or refused with a message naming it (query windows); never a clamped or wrapped date."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventgraph.extract.temporal.calendar import apply_mod, interval_of_value
from eventgraph.extract.temporal.intervals import QueryWindow, Relation, parse_window, resolve, shift
from eventgraph.extract.temporal.tagger import Timex, calendar_notes, tag
from eventgraph.graph.model import DateInterval

LAST = date(9999, 12, 31)  # a Friday
FIRST = date(1, 1, 1)  # a Monday
REF = date(2019, 12, 17)
UNRESOLVED = "XXXX-XX-XX"

# TIMEX3 date and time values as the tagger writes them (TimeML 1.2.1 value grammar, the forms in use)
TIMEX_DATE = re.compile(
    r"\d{4}-\d\d-\d\d(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?|\d{4}-W\d\d(?:-WE)?|\d{4}-\d\d|\d{4}-(?:Q[1-4]|H[12]|SP|SU|FA|WI)"
    r"|\d{4}|\d{3}|\d{2}"
)
TIMEX_OTHER = re.compile(r"(?:PAST|PRESENT|FUTURE)_REF|XXXX-[-\dXWTMOAFEVNI:]+")

# every kind of expression whose value the publication date (or the tense) decides
RELATIVE = [
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "the day before yesterday",
    "the day after tomorrow",
    "this morning",
    "last night",
    "noon",
    "10 p.m.",
    "Monday",
    "last Monday",
    "next Monday",
    "this Friday",
    "Wednesday last week",
    "Sunday next week",
    "this week",
    "last week",
    "next week",
    "the weekend",
    "next weekend",
    "this month",
    "last month",
    "next month",
    "this year",
    "last year",
    "next year",
    "this decade",
    "last decade",
    "next decade",
    "this century",
    "last century",
    "next century",
    "earlier this week",
    "later this month",
    "earlier this year",
    "the end of the week",
    "the beginning of the month",
    "the middle of the year",
    "the end of this decade",
    "year-end",
    "the current quarter",
    "last quarter",
    "next quarter",
    "the third quarter",
    "the first quarter of next year",
    "the second half",
    "the first half of next year",
    "last April",
    "next December",
    "in December",
    "late November",
    "mid-January",
    "December 9",
    "Feb 29",
    "on January 1",
    "Dec. 9-11",
    "the first week of December",
    "the last week of January",
    "last summer",
    "next winter",
    "this winter",
    "in the summer",
    "Christmas",
    "last Christmas",
    "next Christmas",
    "New Year's Eve",
    "Thanksgiving",
    "next Thanksgiving",
    "Easter",
    "Memorial Day",
    "two days ago",
    "three weeks ago",
    "five months ago",
    "a year ago",
    "two decades ago",
    "a century ago",
    "the past week",
    "the next three years",
    "the last five months",
    "since October 28",
    "a year later",
    "two years earlier",
    "the following year",
    "the previous month",
    "that same day",
    "the year-ago quarter",
    "between Oct 28 and Dec 16",
    "between Dec 20 and Jan 5",
    "from March to May",
]


def assert_in_calendar(t: Timex) -> None:
    """The property every tagged expression has, whatever the publication date."""
    if t.type in ("DURATION", "SET"):
        assert t.value.startswith(("P", "XXXX")), t
        return
    if t.outside_calendar:
        assert (t.value, t.interval) == (UNRESOLVED, None), t
        return
    if TIMEX_OTHER.fullmatch(t.value):
        return
    assert TIMEX_DATE.fullmatch(t.value), t
    assert interval_of_value(t.value) is not None, t  # the value's whole interval is inside the calendar
    assert t.interval is not None and FIRST <= t.interval.start <= t.interval.end <= LAST, t


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(RELATIVE), st.dates(), st.sampled_from([None, "past", "present", "future"]))
def test_relative_values_stay_in_the_calendar(phrase: str, dct: date, tense: str | None) -> None:
    for t in tag(phrase, dct, tense):  # type: ignore[arg-type]
        assert_in_calendar(t)
        interval = resolve(t, dct, tense)  # type: ignore[arg-type]
        assert interval is None or FIRST <= interval.start <= interval.end <= LAST


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(RELATIVE), st.sampled_from([FIRST, date(1, 12, 31), date(9999, 1, 1), LAST]))
def test_relative_values_at_the_very_edges(phrase: str, dct: date) -> None:
    for t in tag(phrase, dct):
        assert_in_calendar(t)


@pytest.mark.parametrize(
    ("phrase", "dct", "value"),
    [
        # past the end: unresolved, never wrapped ("9999-01") or five digits ("10000")
        ("next month", LAST, UNRESOLVED),
        ("next year", LAST, UNRESOLVED),
        ("next week", LAST, UNRESOLVED),
        ("this week", LAST, UNRESOLVED),  # 9999-W52 ends on Sunday 10000-01-02
        ("tomorrow", LAST, UNRESOLVED),
        ("next decade", LAST, UNRESOLVED),  # was "100", the 1000s
        ("next century", LAST, UNRESOLVED),
        ("next Christmas", LAST, UNRESOLVED),
        # before the start: never "0000", "-10" or "1-W02"
        ("last year", FIRST, UNRESOLVED),
        ("last month", FIRST, UNRESOLVED),
        ("yesterday", FIRST, UNRESOLVED),
        ("last decade", date(5, 6, 1), UNRESOLVED),
        ("last decade", date(15, 6, 1), "000"),  # the years 0001-0009
        ("last century", FIRST, UNRESOLVED),
        # still inside: four-digit years, and the last year is a candidate too
        ("next week", FIRST, "0001-W02"),
        ("this week", FIRST, "0001-W01"),
        ("next quarter", FIRST, "0001-Q2"),
        ("last quarter", date(1, 12, 31), "0001-Q3"),
        ("next decade", FIRST, "001"),
        ("December 9", LAST, "9999-12-09"),
        ("December 9", date(1, 12, 31), "0001-12-09"),
        ("last year", LAST, "9998"),
        ("Thanksgiving", LAST, "9999-11-25"),
    ],
)
def test_values_at_the_edges(phrase: str, dct: date, value: str) -> None:
    (t,) = tag(phrase, dct)
    assert t.value == value
    assert t.outside_calendar is (value == UNRESOLVED)


def test_the_last_quarter_and_third_of_the_calendar_have_intervals() -> None:
    (q4,) = tag("the fourth quarter of 9999", LAST)
    assert q4.interval == DateInterval(date(9999, 10, 1), LAST, "range")
    year = interval_of_value("9999")
    assert year is not None and apply_mod(year, "END", LAST) == DateInterval(date(9999, 9, 1), LAST, "range")


def test_notes_name_the_unresolved_expression() -> None:
    notes = list(calendar_notes(tag("Prices rose last year and will rise next year.", LAST), LAST))
    assert len(notes) == 1 and "'next year'" in notes[0] and "9999-12-31" in notes[0]


@pytest.mark.parametrize(
    ("phrase", "dct", "tense", "expected"),
    [
        ("Monday", LAST, "future", None),  # 10000-01-03
        ("December 9", FIRST, "past", None),  # no December 9 before 0001-01-01
        ("Monday", LAST, "past", DateInterval(date(9999, 12, 27), date(9999, 12, 27), "day")),
        ("Feb 29", date(2019, 12, 17), "future", DateInterval(date(2020, 2, 29), date(2020, 2, 29), "day")),
        ("Feb 29", date(2019, 12, 17), "past", DateInterval(date(2016, 2, 29), date(2016, 2, 29), "day")),
        ("Feb 29", date(1903, 1, 1), "future", DateInterval(date(1904, 2, 29), date(1904, 2, 29), "day")),
        ("Feb 29", date(1903, 1, 1), "past", DateInterval(date(1896, 2, 29), date(1896, 2, 29), "day")),
    ],
)
def test_resolve_at_the_edges(phrase: str, dct: date, tense: str, expected: DateInterval | None) -> None:
    assert resolve(tag(phrase, dct)[0], dct, tense) == expected  # type: ignore[arg-type]


def test_february_29_is_never_february_28() -> None:
    (t,) = tag("Feb 29", date(2019, 12, 17))
    assert t.value == "2020-02-29"  # the nearest leap day: the coming one counts double, still nearer
    (t,) = tag("Feb 29", date(2017, 1, 1))
    assert t.value == "2016-02-29"
    assert parse_window("Feb 29", REF).start == date(2016, 2, 29)


def test_shift_outside_the_calendar_is_none() -> None:
    day = DateInterval(date(9999, 6, 1), date(9999, 6, 1), "day")
    assert shift(day, Relation("after", 1, "year")) is None
    assert shift(day, Relation("after", None, "year")) is None
    assert shift(DateInterval(FIRST, FIRST, "day"), Relation("before", 1, "day")) is None
    assert shift(day, Relation("after", 1, "month")) == DateInterval(
        date(9999, 7, 1), date(9999, 7, 1), "day"
    )


# ---------------------------------------------------------------- windows read from words


@pytest.mark.parametrize(
    ("text", "start", "end", "year_given"),
    [
        ("December 2100", "2100-12-01", "2100-12-31", True),  # was December 2019, year_given false
        ("in May 1066", "1066-05-01", "1066-05-31", True),
        ("January 9999", "9999-01-01", "9999-01-31", True),
        ("the year 2500", "2500-01-01", "2500-12-31", True),
        ("between Oct 28 and Dec 16 1850", "1850-10-28", "1850-12-16", True),  # lost its end
        ("between Dec 28 and Jan 5 1851", "1850-12-28", "1851-01-05", True),
        ("from Oct 28 1850 to Dec 16", "1850-10-28", "1850-12-16", True),
        ("from Dec 28 2019 to Jan 5", "2019-12-28", "2020-01-05", True),
        ("between Feb 1 and Feb 29 2020", "2020-02-01", "2020-02-29", True),
        ("2019-Q3", "2019-07-01", "2019-09-30", True),  # was all of 2019
        ("Q4 2100", "2100-10-01", "2100-12-31", True),
        ("the past 30 days", "2019-11-17", "2019-12-17", True),  # a duration ending on the reference day
    ],
)
def test_window_years(text: str, start: str, end: str, year_given: bool) -> None:
    assert parse_window(text, REF) == QueryWindow(
        date.fromisoformat(start), date.fromisoformat(end), year_given
    )


@pytest.mark.parametrize(
    ("text", "ref", "message"),
    [
        ("between Oct 28 2019 and Oct 27 2019", REF, r"ends \(2019-10-27\) before it starts \(2019-10-28\)"),
        ("from 2019-12-16 to 2019-10-28", REF, "before it starts"),
        ("December 21000", REF, "cannot read '21000'"),
        ("in 2100", REF, "cannot read '2100'"),
        ("week 50 of 2019", REF, "cannot read '50'"),  # was all of 2019
        ("Feb 29 2019", REF, "cannot read '29 2019'"),
        ("next year", LAST, "'next year' in 'next year' falls outside the calendar"),
        ("last week", FIRST, "falls outside the calendar"),
    ],
)
def test_window_refusals_name_the_reason(text: str, ref: date, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_window(text, ref)


MONTHS = [
    "Jan",
    "February",
    "Mar.",
    "April",
    "May",
    "June",
    "Jul",
    "August",
    "Sept.",
    "Oct",
    "Nov.",
    "December",
]
day_of_month = st.integers(1, 31).map(str)
year_text = st.integers(1000, 9999).map(str)
month_day = st.builds(
    lambda m, d, y: f"{m} {d}" + (f" {y}" if y else ""),
    st.sampled_from(MONTHS),
    day_of_month,
    st.one_of(st.none(), year_text),
)
month_year = st.builds(lambda m, y: f"{m} {y}", st.sampled_from(MONTHS), year_text)
iso_day = st.dates().map(date.isoformat)
point = st.one_of(
    month_day, month_year, iso_day, st.sampled_from(["last week", "yesterday", "next month", "2014"])
)
phrase = st.one_of(
    point,
    st.builds(lambda a, b: f"between {a} and {b}", point, point),
    st.builds(lambda a, b: f"from {a} to {b}", point, point),
    st.builds(lambda a: f"since {a}", point),
)


@settings(max_examples=500, deadline=None)
@given(phrase, st.dates())
def test_windows_run_forwards_or_are_refused(text: str, ref: date) -> None:
    try:
        window = parse_window(text, ref)
    except ValueError as exc:
        assert repr(text) in str(exc)  # the message names the phrase
        return
    assert FIRST <= window.start <= window.end <= LAST
    for year in (1, 1851, 2019, 2020, 9998, 9999):
        try:
            moved = window.in_year(year)
        except ValueError as exc:
            assert str(year) in str(exc)
            continue
        assert moved.start <= moved.end and moved.start.year == year
        assert (moved.start.month, moved.start.day) == (window.start.month, window.start.day)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(MONTHS), st.integers(1000, 9999), st.dates())
def test_a_written_year_is_the_year_read(month: str, year: int, ref: date) -> None:
    window = parse_window(f"{month} {year}", ref)
    assert window.year_given and window.start.year == window.end.year == year
