"""Date resolution: tense-aware re-anchoring, shifts relative to another event, API query windows."""

from __future__ import annotations

from datetime import date

import pytest

from eventgraph.extract.temporal.intervals import QueryWindow, Relation, parse_window, resolve, shift
from eventgraph.extract.temporal.tagger import tag
from eventgraph.graph.model import DateInterval

MON = date(2019, 12, 16)


def iv(start: str, end: str | None = None, precision: str = "day") -> DateInterval:
    return DateInterval(date.fromisoformat(start), date.fromisoformat(end or start), precision)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("phrase", "dct", "tense", "expected"),
    [
        ("Wednesday", MON, "past", iv("2019-12-11")),
        ("Wednesday", MON, "future", iv("2019-12-18")),
        ("Thursday", MON, "future", iv("2019-12-19")),
        ("Monday", MON, "past", iv("2019-12-16")),
        ("Sunday", MON, "past", iv("2019-12-15")),
        ("Sunday", MON, "future", iv("2019-12-22")),
        ("Friday", MON, None, iv("2019-12-13")),
        ("Friday", MON, "present", iv("2019-12-13")),
        ("Saturday night", MON, "past", iv("2019-12-14")),
        ("December 9", date(2019, 12, 17), "past", iv("2019-12-09")),
        ("December 20", date(2020, 1, 5), "past", iv("2019-12-20")),
        ("December 20", date(2019, 12, 16), "future", iv("2019-12-20")),
        ("December 20", date(2019, 12, 16), "past", iv("2018-12-20")),
        ("April 14", date(2021, 7, 13), "past", iv("2021-04-14")),
        ("April 14", date(2021, 7, 13), "future", iv("2022-04-14")),
        ("in April", date(2021, 7, 13), "past", iv("2021-04-01", "2021-04-30", "month")),
        ("in January", date(2021, 12, 1), "future", iv("2022-01-01", "2022-01-31", "month")),
        ("in late November", date(2020, 1, 5), "past", iv("2019-11-20", "2019-11-30", "range")),
        ("in the summer", date(2019, 12, 16), "past", iv("2019-06-01", "2019-08-31", "range")),
        ("on Christmas", date(2020, 1, 5), "past", iv("2019-12-25")),
        # fixed by the text: the tense changes nothing
        ("January 2020", date(2021, 7, 13), "future", iv("2020-01-01", "2020-01-31", "month")),
        ("last week", MON, "future", iv("2019-12-09", "2019-12-15", "week")),
        ("yesterday", MON, "future", iv("2019-12-15")),
        ("since October 28", MON, "past", iv("2019-10-28", "2019-12-16", "range")),
    ],
)
def test_resolve(phrase: str, dct: date, tense: str | None, expected: DateInterval) -> None:
    timex = tag(phrase, dct)[-1]
    assert resolve(timex, dct, tense) == expected  # type: ignore[arg-type]


def test_resolve_keeps_vague_expressions_undated() -> None:
    for phrase in ("recently", "previously", "now", "soon", "for five weeks"):
        assert resolve(tag(phrase, MON)[0], MON, "past") is None


@pytest.mark.parametrize(
    ("anchor", "relation", "expected"),
    [
        (iv("2021-07-07"), Relation("after", 2, "day", "the attack"), iv("2021-07-09")),
        (iv("2021-07-07"), Relation("before", 1, "day"), iv("2021-07-06")),
        (iv("2021-07-07"), Relation("after", 1, "week"), iv("2021-07-14")),
        (iv("2021-01-31"), Relation("after", 1, "month"), iv("2021-02-28")),
        (iv("2020-02-29"), Relation("before", 1, "year"), iv("2019-02-28")),
        (iv("2021-06-27"), Relation("before", None, "week"), iv("2021-06-14", "2021-06-26", "range")),
        (iv("2021-06-23"), Relation("after", None, "week"), iv("2021-06-24", "2021-07-04", "range")),
        (iv("2021-06-27"), Relation("before", None, "month"), iv("2021-05-01", "2021-05-31", "month")),
        (iv("2021-06-27"), Relation("after", None, "year"), iv("2022-01-01", "2022-12-31", "year")),
        (iv("2021-06-27"), Relation("after", None, "day"), iv("2021-06-28")),
        (iv("2021-06-27"), Relation("same", None, "day"), iv("2021-06-27")),
        (
            iv("2019-11-01", "2019-11-30", "month"),
            Relation("after", 1, "month"),
            iv("2019-12-01", "2019-12-30", "month"),
        ),
    ],
)
def test_shift(anchor: DateInterval, relation: Relation, expected: DateInterval) -> None:
    assert shift(anchor, relation) == expected


REF = date(2019, 12, 17)


@pytest.mark.parametrize(
    ("text", "start", "end", "year_given"),
    [
        ("between Oct 28 and Dec 16", "2019-10-28", "2019-12-16", False),
        ("from 2019-10-28 to 2019-12-16", "2019-10-28", "2019-12-16", True),
        ("in December 2019", "2019-12-01", "2019-12-31", True),
        ("last week", "2019-12-09", "2019-12-15", True),
        ("last month", "2019-11-01", "2019-11-30", True),
        ("since October 28", "2019-10-28", "2019-12-17", False),
        ("between Dec 20 and Jan 5", "2018-12-20", "2019-01-05", False),
        ("from March 2003 to May 2004", "2003-03-01", "2004-05-31", True),
        ("2014", "2014-01-01", "2014-12-31", True),
    ],
)
def test_parse_window(text: str, start: str, end: str, year_given: bool) -> None:
    assert parse_window(text, REF) == QueryWindow(
        date.fromisoformat(start), date.fromisoformat(end), year_given
    )


@pytest.mark.parametrize("text", ["", "whenever", "the attack", "recently"])
def test_parse_window_names_the_phrase(text: str) -> None:
    with pytest.raises(ValueError, match=repr(text)):
        parse_window(text, REF)


def test_window_in_another_year() -> None:
    window = parse_window("between Dec 20 and Jan 5", REF)
    assert window.in_year(2020) == QueryWindow(date(2020, 12, 20), date(2021, 1, 5), False)
    plain = parse_window("between Oct 28 and Dec 16", REF)
    assert plain.in_year(2021) == QueryWindow(date(2021, 10, 28), date(2021, 12, 16), False)
    leap_day = QueryWindow(date(2020, 2, 29), date(2020, 3, 5), False)
    assert leap_day.in_year(2024).start == date(2024, 2, 29)
    with pytest.raises(ValueError, match="2021 has no February 29"):
        leap_day.in_year(2021)  # not Feb 28: the year is skipped
    with pytest.raises(ValueError, match="outside the calendar"):
        QueryWindow(date(2019, 12, 20), date(2020, 1, 5), False).in_year(9999)
