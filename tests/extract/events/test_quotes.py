"""The quote detector that the event and actor steps share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventgraph.extract.events.quotes import QuotedText, inside, quote_ranges


def test_quotes_run_to_the_end_of_an_open_line_and_from_the_start_of_a_closing_one() -> None:
    text = 'He said “one\ntwo” and “three” then "four\nfive'
    assert quote_ranges(text) == [(8, 12), (13, 17), (22, 29), (35, 40)]


@given(st.text(alphabet='ab “”"\n', max_size=40))
def test_the_fast_lookup_agrees_with_the_ranges(text: str) -> None:
    quoted = QuotedText(text)
    ranges = quote_ranges(text)
    assert [o for o in range(len(text) + 1) if o in quoted] == [
        o for o in range(len(text) + 1) if inside(ranges, o) is not None
    ]
