"""The temporal tagger: extents, TIMEX3 types and values, intervals, robustness, the JSONL batch form."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventgraph.extract.temporal.tagger import Timex, tag, timex_jsonl_lines
from eventgraph.graph.model import DateInterval

MON = date(2019, 12, 16)  # a Monday
THU = date(1998, 2, 12)  # a Thursday


def only(text: str, dct: date | None) -> Timex:
    found = tag(text, dct)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "dct", "extent", "type_", "value"),
    [
        # explicit dates
        ("The strike came on December 9, 2019.", MON, "December 9, 2019", "DATE", "2019-12-09"),
        ("It happened on 9 December 2019.", MON, "9 December 2019", "DATE", "2019-12-09"),
        ("Filed 2019-12-09 in court.", MON, "2019-12-09", "DATE", "2019-12-09"),
        ("A Dec. 9th attack hit the base.", MON, "Dec. 9th", "DATE", "2019-12-09"),
        ("Talks resume on July 9.", date(2021, 7, 13), "July 9", "DATE", "2021-07-09"),
        ("Sales on 3/14/1998 fell.", THU, "3/14/1998", "DATE", "1998-03-14"),
        ("an April 14 attack", date(2021, 7, 13), "April 14", "DATE", "2021-04-14"),
        ("the December 20 meeting", date(2020, 1, 5), "December 20", "DATE", "2019-12-20"),
        ("in January 2020", date(2021, 7, 13), "January 2020", "DATE", "2020-01"),
        ("Violence peaked in August 2020.", date(2021, 7, 13), "August 2020", "DATE", "2020-08"),
        ("It was founded in 2014.", MON, "2014", "DATE", "2014"),
        ("the 2003 invasion of Iraq", MON, "2003", "DATE", "2003"),
        ("in fiscal 1989", THU, "fiscal 1989", "DATE", "1989"),
        ("music of the 1990s", MON, "the 1990s", "DATE", "199"),
        ("in the late 1970s", MON, "the late 1970s", "DATE", "197"),
        ("in late November", MON, "late November", "DATE", "2019-11"),
        ("since mid-October", MON, "mid-October", "DATE", "2019-10"),
        ("last April", MON, "last April", "DATE", "2019-04"),
        ("the third quarter", date(1989, 10, 25), "the third quarter", "DATE", "1989-Q3"),
        ("third-quarter profit", date(1989, 10, 25), "third-quarter", "DATE", "1989-Q3"),
        ("the first quarter of 1990", date(1989, 10, 25), "the first quarter of 1990", "DATE", "1990-Q1"),
        ("the second half of 2019", MON, "the second half of 2019", "DATE", "2019-H2"),
        ("by Christmas", MON, "Christmas", "DATE", "2019-12-25"),
        ("on Thanksgiving Day", date(1999, 11, 30), "Thanksgiving Day", "DATE", "1999-11-25"),
        # days relative to the publication date
        ("He spoke today.", MON, "today", "DATE", "2019-12-16"),
        ("He spoke yesterday.", MON, "yesterday", "DATE", "2019-12-15"),
        ("He will speak tomorrow.", MON, "tomorrow", "DATE", "2019-12-17"),
        ("Esper told lawmakers Wednesday.", MON, "Wednesday", "DATE", "2019-12-11"),
        ("Police said Thursday that", THU, "Thursday", "DATE", "1998-02-12"),
        # a weekday before a date is one expression; the weekday picks the year of a year-less date
        ("He died Saturday, April 25.", date(1998, 4, 24), "Saturday, April 25", "DATE", "1998-04-25"),
        ("on Friday Oct. 13", date(1989, 10, 30), "Friday Oct. 13", "DATE", "1989-10-13"),
        ("It fell on Tuesday, Jan. 5.", date(2021, 12, 1), "Tuesday, Jan. 5", "DATE", "2021-01-05"),
        # a month in a year named relative to the publication date
        ("It began in February this year.", date(1998, 12, 3), "February this year", "DATE", "1998-02"),
        ("in June of last year", MON, "June of last year", "DATE", "2018-06"),
        ("by April next year", MON, "April next year", "DATE", "2020-04"),
        ("on March 5 last year", MON, "March 5 last year", "DATE", "2018-03-05"),
        ("this year's third quarter", date(1989, 10, 25), "this year's third quarter", "DATE", "1989-Q3"),
        ("in next year's first quarter", date(1989, 10, 25), "next year's first quarter", "DATE", "1990-Q1"),
        ("during the week of March 6", date(2000, 2, 24), "the week of March 6", "DATE", "2000-W10"),
        ("Flights leave on Tuesday nights.", MON, "Tuesday nights", "SET", "XXXX-WXX-2TNI"),
        ("Prices rise each July.", MON, "each July", "SET", "XXXX-07"),
        ("Sales rose in Q3 2019.", MON, "Q3 2019", "DATE", "2019-Q3"),
        # broadcast transcripts: years and decades in words, ordinal centuries
        ("elected in nineteen ninety-six", MON, "nineteen ninety-six", "DATE", "1996"),
        ("in January nineteen ninety-seven", MON, "January nineteen ninety-seven", "DATE", "1997-01"),
        ("the winter of nineteen oh five", MON, "the winter of nineteen oh five", "DATE", "1905-WI"),
        ("by the year two thousand", MON, "the year two thousand", "DATE", "2000"),
        ("in two thousand and one", MON, "two thousand and one", "DATE", "2001"),
        ("since the nineties", MON, "the nineties", "DATE", "199"),
        ("art of the 20th century", MON, "the 20th century", "DATE", "19"),
        ("an eleventh-century church", MON, "eleventh-century", "DATE", "10"),
        ("the 2020-H1 figures", MON, "2020-H1", "DATE", "2020-H1"),
        ("It lasted 2 1/2 years.", MON, "2 1/2 years", "DURATION", "P2Y6M"),
        ("It took a minute and a half.", MON, "a minute and a half", "DURATION", "PT1M30S"),
        ("for two and a half hours", MON, "two and a half hours", "DURATION", "PT2H30M"),
        ("over the next couple of years", MON, "the next couple of years", "DURATION", "P2Y"),
        ("Officials met on Sunday.", MON, "Sunday", "DATE", "2019-12-15"),
        ("The vote will be held Friday.", MON, "Friday", "DATE", "2019-12-20"),
        ("Last Wednesday, rockets hit", date(2021, 7, 13), "Last Wednesday", "DATE", "2021-07-07"),
        ("next Monday", MON, "next Monday", "DATE", "2019-12-23"),
        ("last week", MON, "last week", "DATE", "2019-W50"),
        ("this week", MON, "this week", "DATE", "2019-W51"),
        ("next week", MON, "next week", "DATE", "2019-W52"),
        ("last month", date(2021, 7, 13), "last month", "DATE", "2021-06"),
        ("this month", MON, "this month", "DATE", "2019-12"),
        ("last year", MON, "last year", "DATE", "2018"),
        ("earlier this month", MON, "earlier this month", "DATE", "2019-12"),
        ("early next year", MON, "early next year", "DATE", "2020"),
        ("two weeks ago", MON, "two weeks ago", "DATE", "2019-12-02"),
        ("three days ago", MON, "three days ago", "DATE", "2019-12-13"),
        ("six months ago", MON, "six months ago", "DATE", "2019-06"),
        ("a year ago", MON, "a year ago", "DATE", "2018"),
        ("last summer", MON, "last summer", "DATE", "2019-SU"),
        ("this spring", date(2020, 1, 5), "this spring", "DATE", "2020-SP"),
        ("over the weekend", MON, "the weekend", "DATE", "2019-W50-WE"),
        ("the end of November", MON, "the end of November", "DATE", "2019-11"),
        ("the first week of December", MON, "the first week of December", "DATE", "2019-12"),
        # times
        ("Monday night", MON, "Monday night", "TIME", "2019-12-16TNI"),
        ("this morning", MON, "this morning", "TIME", "2019-12-16TMO"),
        ("tonight", MON, "tonight", "TIME", "2019-12-16TNI"),
        ("at 10:35 a.m.", THU, "10:35 a.m.", "TIME", "1998-02-12T10:35"),
        ("10 p.m. Wednesday", THU, "10 p.m. Wednesday", "TIME", "1998-02-11T22:00"),
        # durations, sets, references
        ("for five weeks", MON, "five weeks", "DURATION", "P5W"),
        ("He served 14 years.", MON, "14 years", "DURATION", "P14Y"),
        ("a two-year deal", MON, "two-year", "DURATION", "P2Y"),
        ("within 48 hours", MON, "48 hours", "DURATION", "PT48H"),
        ("the first nine months", MON, "the first nine months", "DURATION", "P9M"),
        ("a few days", MON, "a few days", "DURATION", "PXD"),
        ("in recent weeks", MON, "recent weeks", "DURATION", "PXW"),
        ("every Monday", MON, "every Monday", "SET", "XXXX-WXX-1"),
        ("published weekly", MON, "weekly", "SET", "P1W"),
        ("twice a week", MON, "twice a week", "SET", "P1W"),
        ("now", MON, "now", "DATE", "PRESENT_REF"),
        ("is currently", MON, "currently", "DATE", "PRESENT_REF"),
        ("was recently sentenced", MON, "recently", "DATE", "PAST_REF"),
        ("has previously called", MON, "previously", "DATE", "PAST_REF"),
        ("will soon leave", MON, "soon", "DATE", "FUTURE_REF"),
        ("in the future", MON, "the future", "DATE", "FUTURE_REF"),
    ],
)
def test_extent_type_and_value(sentence: str, dct: date, extent: str, type_: str, value: str) -> None:
    t = only(sentence, dct)
    assert (t.text, t.type, t.value) == (extent, type_, value)
    assert sentence[t.start : t.end] == t.text


def iv(start: str, end: str | None = None, precision: str = "day") -> DateInterval:
    return DateInterval(date.fromisoformat(start), date.fromisoformat(end or start), precision)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "dct", "interval"),
    [
        ("last week", MON, iv("2019-12-09", "2019-12-15", "week")),
        ("last month", date(2021, 7, 13), iv("2021-06-01", "2021-06-30", "month")),
        ("in 2014", MON, iv("2014-01-01", "2014-12-31", "year")),
        ("late 2017", MON, iv("2017-09-01", "2017-12-31", "range")),
        ("late November", MON, iv("2019-11-20", "2019-11-30", "range")),
        ("early November", MON, iv("2019-11-01", "2019-11-10", "range")),
        ("mid-November", MON, iv("2019-11-11", "2019-11-20", "range")),
        ("the end of November", MON, iv("2019-11-20", "2019-11-30", "range")),
        ("the first week of December", MON, iv("2019-12-01", "2019-12-07", "range")),
        ("since October 28", MON, iv("2019-10-28", "2019-12-16", "range")),
        ("since October", MON, iv("2019-10-01", "2019-12-16", "range")),
        ("over the last five weeks", MON, iv("2019-11-11", "2019-12-16", "range")),
        ("in the past five weeks", MON, iv("2019-11-11", "2019-12-16", "range")),
        ("earlier this month", MON, iv("2019-12-01", "2019-12-15", "range")),
        ("at the end of last month", MON, iv("2019-11-20", "2019-11-30", "range")),
        ("in the first days of November", MON, iv("2019-11-01", "2019-11-10", "range")),
        ("the final days of November", MON, iv("2019-11-20", "2019-11-30", "range")),
        ("the beginning of last year", MON, iv("2018-01-01", "2018-04-30", "range")),
        ("the 1990s", MON, iv("1990-01-01", "1999-12-31", "range")),
        ("last summer", MON, iv("2019-06-01", "2019-08-31", "range")),
        ("the third quarter", date(1989, 10, 25), iv("1989-07-01", "1989-09-30", "range")),
        ("Dec. 9-11", MON, iv("2019-12-09", "2019-12-11", "range")),
        ("on the night of 3 to 4 December 2019", MON, iv("2019-12-03", "2019-12-04", "range")),
        ("between 1 and 3 December", MON, iv("2019-12-01", "2019-12-03", "range")),
        ("9-11 December", MON, iv("2019-12-09", "2019-12-11", "range")),
        ("killed 1 and 3 December", MON, iv("2019-12-03")),
        ("Monday night", MON, iv("2019-12-16")),
        ("two weeks ago", MON, iv("2019-12-02")),
        ("a fortnight ago", MON, iv("2019-12-02")),
        ("in the past 24 hours", MON, iv("2019-12-15", "2019-12-16", "range")),
        ("within the last 48 hours", MON, iv("2019-12-14", "2019-12-16", "range")),
    ],
)
def test_interval(sentence: str, dct: date, interval: DateInterval) -> None:
    assert tag(sentence, dct)[0].interval == interval


@pytest.mark.parametrize(
    "sentence",
    ["was recently sentenced", "has previously called", "will soon", "now", "for five weeks", "every day"],
)
def test_vague_and_durations_have_no_interval(sentence: str) -> None:
    assert only(sentence, MON).interval is None


def test_ranges_give_both_ends_the_span() -> None:
    found = tag("between Oct 28 and Dec 16", MON)
    assert [t.text for t in found] == ["Oct 28", "Dec 16"]
    assert {t.interval for t in found} == {iv("2019-10-28", "2019-12-16", "range")}
    assert tag("from 2019-10-28 to 2019-12-16", MON)[1].interval == iv("2019-10-28", "2019-12-16", "range")


def test_relations() -> None:
    t = only("two days after the attack on the base", MON)
    assert (t.text, t.value) == ("two days", "P2D")
    assert t.relation is not None
    assert (t.relation.direction, t.relation.amount, t.relation.unit) == ("after", 2, "day")
    assert t.relation.anchor_text == "the attack"
    for phrase, direction, amount, unit in [
        ("a week later", "after", 1, "week"),
        ("the previous week", "before", None, "week"),
        ("the day before", "before", 1, "day"),
        ("the following day", "after", 1, "day"),
        ("that same day", "same", None, "day"),
        ("three months earlier", "before", 3, "month"),
    ]:
        rel = only(phrase, MON).relation
        assert rel is not None and (rel.direction, rel.amount, rel.unit, rel.anchor_text) == (
            direction,
            amount,
            unit,
            None,
        ), phrase


def test_explicit_date_beside_relation() -> None:
    found = tag("On July 9, two days after the attack, officials said", date(2021, 7, 13))
    assert found[0].value == "2021-07-09"
    assert found[1].relation is not None and found[1].relation.anchor_text == "the attack"


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("They met on May 22, 1996, and married the following year.", ["1996-05-22", "1997"]),
        ("It opened on June 3, 1998, and closed later that year.", ["1998-06-03", "1998"]),
        ("It opened on June 3, 1998, and closed later that month.", ["1998-06-03", "1998-06"]),
        ("It opened on June 3, 1998, and closed the next day.", ["1998-06-03", "1998-06-04"]),
        ("It opened on June 3, 1998, and closed the previous week.", ["1998-06-03", "1998-W22"]),
    ],
)
def test_anaphoric_unit_has_the_unit_granularity(sentence: str, values: list[str]) -> None:
    assert [t.value for t in tag(sentence, MON)] == values


def test_anaphoric_year_takes_the_quarter_mentioned() -> None:
    found = tag("Profit rose in the third quarter from a year earlier.", date(1989, 10, 25))
    assert [t.value for t in found] == ["1989-Q3", "1988-Q3"]


@pytest.mark.parametrize(
    "sentence",
    [
        "We may see more attacks.",
        "Protesters march on the capital.",
        "we said so",
        "The sun sat low.",
        "He scored 24 points.",
        "About 2000 troops arrived.",
        "nineteen ninety-six votes were cast",
        "twelve hundred people",
        "They paid $1999 for it.",
        "a second attack",
        "a quarter of the vote",
        "the 14-year-old boy",
    ],
)
def test_no_false_dates(sentence: str) -> None:
    assert tag(sentence, MON) == []


def test_without_publication_date() -> None:
    t = only("Esper spoke Wednesday.", None)
    assert (t.value, t.interval, t.anchor) == ("XXXX-WXX-3", None, "XXXX-WXX-3")
    assert only("in December 2019", None).value == "2019-12"
    assert only("yesterday", None).interval is None


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates()))
def test_never_crashes(text: str, dct: date | None) -> None:
    for t in tag(text, dct):
        assert text[t.start : t.end] == t.text and t.end > t.start


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "on",
                "Monday",
                "December",
                "31",
                "1999",
                "-",
                "last",
                "week",
                "ago",
                "two",
                "days",
                "after",
                "the",
                "since",
                "between",
                "and",
                "early",
                "late",
                "9999",
                "0001",
                "Feb.",
                "29",
                "quarter",
                ",",
                "p.m.",
            ]
        ),
        max_size=12,
    ).map(" ".join),
    st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2000, 2, 29), MON]),
)
def test_never_crashes_on_date_like_text(text: str, dct: date) -> None:
    tag(text, dct)


def test_jsonl_batch() -> None:
    errors: list[str] = []
    lines = [
        json.dumps({"doc": "a", "dct": "2019-12-16", "text": "He spoke Wednesday."}),
        "{not json",
        json.dumps({"doc": "b", "text": "in 2014"}),
        json.dumps({"doc": "c", "dct": "2019-12-16"}),
        "",
    ]
    out = [json.loads(line) for line in timex_jsonl_lines(lines, errors.append)]
    assert out == [
        {
            "doc": "a",
            "timexes": [{"start": 9, "end": 18, "text": "Wednesday", "type": "DATE", "value": "2019-12-11"}],
        },
        {"doc": "b", "timexes": [{"start": 3, "end": 7, "text": "2014", "type": "DATE", "value": "2014"}]},
    ]
    assert [e.split(":")[0] for e in errors] == ["line 2", "line 4"]
    assert "text" in errors[1]


@pytest.mark.parametrize(
    ("text", "extents"),
    [
        ("A ship fired its water cannon at the boat Unaizah May 2.", []),
        ("The tanker Ocean March 3 was hit by a drone.", []),
        ("Officials met in Paris May 2 to sign it.", ["May 2"]),
        ("The talks ended on Friday May 2 in Doha.", ["Friday May 2"]),
        ("Since May 2, two boats were hit.", ["May 2"]),
        ("WASHINGTON, May 2 (Reuters) - Talks resumed.", ["May 2"]),
    ],
)
def test_month_day_inside_a_name_is_no_date(text: str, extents: list[str]) -> None:
    assert [text[t.start : t.end] for t in tag(text, MON)] == extents
