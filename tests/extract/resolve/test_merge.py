"""Cross-article merging of mentions into events, on made-up reports."""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventgraph.extract.events.mention import Mention
from eventgraph.extract.resolve import merge
from eventgraph.extract.resolve.merge import (
    UNDATED_REACH_DAYS,
    Resolved,
    best_date,
    candidate_pairs,
    cluster,
    confidence,
    pair_score,
    to_event,
)
from eventgraph.graph.model import DateInterval


def _day(d: str) -> DateInterval:
    return DateInterval(date.fromisoformat(d), date.fromisoformat(d), "day")


def _res(
    doc: str,
    type_: str,
    sentence: str,
    agents: list[str],
    targets: list[str],
    when: DateInterval | None,
    place: str | None = None,
    **attrs: object,
) -> Resolved:
    m = Mention(
        doc, type_, "x", 0, sentence, 0, len(sentence), date=when, attributes=dict(attrs), confidence=0.7
    )
    return Resolved(m, agents, targets, place, date(2023, 5, 20))


CALL_A = _res(
    "a",
    "phone_call",
    "Ana Costa phoned Jomo Otieno on Sunday about the border.",
    ["p:costa"],
    ["p:otieno"],
    _day("2023-05-14"),
)
CALL_B = _res(
    "b",
    "phone_call",
    "In a call Monday, Costa asked Otieno to secure the border.",
    ["p:costa"],
    ["p:otieno"],
    _day("2023-05-15"),
)
CALL_C = _res("c", "phone_call", "Costa spoke with Otieno about the border.", ["p:costa"], ["p:otieno"], None)
SHELL_A = _res(
    "a",
    "rocket_attack",
    "Six rockets hit Camp Lemonnier on May 10.",
    [],
    ["g:us-forces"],
    _day("2023-05-10"),
    "place:camp-lemonnier",
)
SHELL_B = _res(
    "b",
    "other_attack",
    "An attack on Camp Lemonnier on Wednesday wounded two.",
    [],
    [],
    _day("2023-05-10"),
    "place:camp-lemonnier",
)
OTHER_STATEMENT = _res(
    "a",
    "statement",
    "Costa warned the rebels against new raids.",
    ["p:costa"],
    ["g:rebels"],
    _day("2023-05-15"),
)
OLD = _res(
    "d", "phone_call", "Costa phoned Otieno about the border.", ["p:costa"], ["p:otieno"], _day("2019-02-01")
)


@pytest.mark.parametrize(
    ("items", "groups"),
    [
        ([CALL_A, CALL_B, CALL_C], [["a", "b", "c"]]),  # a day apart: one disputed call; undated joins
        ([SHELL_A, SHELL_B], [["a", "b"]]),  # same place and day, attack family
        ([CALL_A, OTHER_STATEMENT], [["a"], ["a"]]),  # two events of one article never merge
        ([CALL_A, OLD], [["a"], ["d"]]),  # years apart
    ],
)
def test_cluster(items: list[Resolved], groups: list[list[str]]) -> None:
    assert sorted(sorted(r.doc for r in g) for g in cluster(items)) == sorted(groups)


def test_disputed_date_keeps_claims() -> None:
    names = {"p:costa": "Ana Costa", "p:otieno": "Jomo Otieno"}
    event = to_event([CALL_A, CALL_B, CALL_C], names, set(), {})
    assert event.disputed
    assert event.date is not None
    assert [c["doc"] for c in event.attributes["date_claims"]] == ["a", "b"]
    assert [s.doc for s in event.sources] == ["a", "b", "c"]
    assert event.summary == "Ana Costa phoned Jomo Otieno"


def test_best_date_prefers_most_sources_then_precision() -> None:
    week = DateInterval(date(2023, 5, 8), date(2023, 5, 14), "week")
    items = [
        _res(d, "visit", "s", [], [], w)
        for d, w in (("a", week), ("b", _day("2023-05-10")), ("c", _day("2023-05-10")))
    ]
    assert best_date(items) == (_day("2023-05-10"), True)


def test_confidence_grows_with_sources() -> None:
    one = confidence([CALL_A], CALL_A.mention.date)
    three = confidence([CALL_A, CALL_B, CALL_C], CALL_A.mention.date)
    assert 0.05 <= one < three <= 0.99


def _said(doc: str, sentence: str, act: str, trigger: str, targets: list[str]) -> Resolved:
    item = _res(doc, "statement", sentence, ["p:costa"], targets, _day("2023-05-15"), speech_act=act)
    item.mention.trigger = trigger
    return item


WARN_A = _said(
    "a",
    "Costa warned the rebels that any new raid would be met with force.",
    "warning",
    "warned",
    ["g:rebels"],
)
WARN_B = _said(
    "b",
    "The rebels were warned by Costa that new raids would be met with force.",
    "warning",
    "warned",
    ["g:rebels"],
)
PRAISE_B = _said("b", "Costa praised the harvest in the northern valleys.", "claim", "praised", [])
THANK_B = _said("b", "Costa also thanked the nurses at the clinic.", "claim", "thanked", ["g:nurses"])


@pytest.mark.parametrize(
    ("items", "groups"),
    [
        ([WARN_A, WARN_B], [["a", "b"]]),  # same speaker, day and words: one statement
        ([WARN_A, PRAISE_B], [["a"], ["b"]]),  # same speaker and day, other content: two statements
        ([WARN_A, THANK_B], [["a"], ["b"]]),  # other act, verb and addressee
    ],
)
def test_statements_merge_on_content_not_speaker_and_day(
    items: list[Resolved], groups: list[list[str]]
) -> None:
    assert sorted(sorted(r.doc for r in g) for g in cluster(items)) == sorted(groups)


@pytest.mark.slow
def test_build_batch_on_a_made_up_article() -> None:
    """The real model end to end: a statement takes the place of the visit it continues, and one
    made "on Capitol Hill" is placed there."""
    from eventgraph.extract.ingest.read import RawArticle
    from eventgraph.extract.pipeline.run import extract_articles
    from eventgraph.graph.model import Article

    text = (
        "Kenya Presses Uganda on Border\n\n"
        "Kenyan Foreign Minister Jomo Otieno visited Kampala on Monday, the ministry said.\n\n"
        "Otieno urged Ugandan officials on Monday to reopen the border crossing.\n\n"
        "Senator Ana Costa told lawmakers on Capitol Hill on Tuesday that the aid would continue.\n"
    )
    raw = RawArticle(
        Article("made-up.txt", title="Kenya Presses Uganda on Border", published=date(2023, 5, 17)),
        text,
        "manifest",
    )
    batch = extract_articles([raw])
    places = {p.id: p.name for p in batch.places}
    names = {a.id: a.name for a in batch.actors}
    where = {(e.type, tuple(names[a] for a in e.agents)): places.get(e.place or "") for e in batch.events}
    assert where.get(("visit", ("Jomo Otieno",))) == "Kampala"
    assert where.get(("statement", ("Jomo Otieno",))) == "Kampala"
    assert where.get(("statement", ("Ana Costa",))) == "Capitol Hill"


_MONTH = DateInterval(date(2023, 5, 1), date(2023, 5, 31), "month")
TALLY = _res(
    "c",
    "rocket_attack",
    "Ten rocket attacks hit Camp Lemonnier in May.",
    [],
    ["g:us-forces"],
    _MONTH,
    "place:camp-lemonnier",
    aggregate=True,
    count=10,
)
SAME_DAY_PAIR = _res(
    "c",
    "rocket_attack",
    "Two rocket attacks hit Camp Lemonnier on May 10.",
    [],
    ["g:us-forces"],
    _day("2023-05-10"),
    "place:camp-lemonnier",
    aggregate=True,
    count=2,
)


@pytest.mark.parametrize(
    ("items", "groups"),
    [
        ([SHELL_A, TALLY], [["a"], ["c"]]),  # a month's tally is no single attack
        ([SHELL_A, SAME_DAY_PAIR], [["a", "c"]]),  # two attacks on one day: one incident, told twice
    ],
)
def test_tallies_do_not_merge_with_single_attacks(items: list[Resolved], groups: list[list[str]]) -> None:
    assert sorted(sorted(r.doc for r in g) for g in cluster(items)) == sorted(groups)


def test_blocking_keeps_every_pair_that_can_merge() -> None:
    units = [
        CALL_A,
        CALL_B,
        CALL_C,
        SHELL_A,
        SHELL_B,
        OTHER_STATEMENT,
        OLD,
        WARN_A,
        WARN_B,
        PRAISE_B,
        THANK_B,
        TALLY,
        SAME_DAY_PAIR,
    ]
    scored = {
        (i, j)
        for i in range(len(units))
        for j in range(i + 1, len(units))
        if units[i].doc != units[j].doc and pair_score(units[i], units[j]) > 0
    }
    assert scored and scored <= set(candidate_pairs(units))


# --- blocking: exact on what can merge, and linear in the number of mentions ----------------------

_SENTENCES = [
    "Costa phoned Otieno about the border.",
    "Costa and Otieno discussed the border crossing by phone.",
    "Rockets hit the base near the border.",
    "Costa warned the rebels against new raids.",
]


@st.composite
def _units(draw: st.DrawFn, *, published_within: int = 400) -> list[Resolved]:
    out = []
    for n in range(draw(st.integers(2, 14))):
        start = date(2023, 1, 1) + timedelta(days=draw(st.integers(0, 120)))
        span = draw(st.sampled_from([0, 0, 0, 2, 6, 30]))
        when = draw(st.sampled_from([None, DateInterval(start, start + timedelta(days=span), "day")]))
        published = draw(
            st.sampled_from([None, date(2023, 1, 1) + timedelta(days=draw(st.integers(0, published_within)))])
        )
        people = draw(st.lists(st.sampled_from(["p:costa", "p:otieno", "g:rebels"]), max_size=2, unique=True))
        m = Mention(
            draw(st.sampled_from("abcde")),
            draw(st.sampled_from(["phone_call", "meeting", "statement", "rocket_attack"])),
            "x",
            n,
            draw(st.sampled_from(_SENTENCES)),
            n,
            n + 10,
            date=when,
            attributes={"aggregate": draw(st.booleans())} if draw(st.booleans()) else {},
            confidence=0.7,
        )
        out.append(
            Resolved(m, people[:1], people[1:], draw(st.sampled_from([None, "place:base"])), published)
        )
    return out


@given(_units())
@settings(max_examples=150, deadline=None)
def test_every_pair_that_can_score_is_a_candidate_once(units: list[Resolved]) -> None:
    candidates = list(candidate_pairs(units))
    assert len(candidates) == len(set(candidates))
    assert all(i < j and units[i].doc != units[j].doc for i, j in candidates)
    missed = {
        (i, j)
        for i in range(len(units))
        for j in range(i + 1, len(units))
        if units[i].doc != units[j].doc and pair_score(units[i], units[j]) > 0
    } - set(candidates)
    for i, j in missed:  # the documented limit: undated mentions from articles published far apart
        a, b = units[i], units[j]
        assert a.mention.date is None and b.mention.date is None
        assert a.published and b.published and abs((a.published - b.published).days) > UNDATED_REACH_DAYS


@given(_units(published_within=UNDATED_REACH_DAYS))
@settings(max_examples=100, deadline=None)
def test_clusters_are_those_of_scoring_every_pair(units: list[Resolved]) -> None:
    def every_pair(us: list[Resolved]) -> list[tuple[int, int]]:
        return [(i, j) for i in range(len(us)) for j in range(i + 1, len(us)) if us[i].doc != us[j].doc]

    def docs(groups: list[list[Resolved]]) -> list[list[tuple[str, int]]]:
        return [[(r.doc, r.mention.char_start) for r in g] for g in groups]

    blocked = docs(cluster(copy.deepcopy(units)))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(merge, "candidate_pairs", every_pair)
        assert docs(cluster(copy.deepcopy(units))) == blocked


def test_candidates_grow_linearly_with_mentions_spread_over_time() -> None:
    n = 400  # one call a week apart, all with the same two people: no two can be one event
    units = [
        Resolved(
            Mention(
                f"d{i}",
                "phone_call",
                "x",
                0,
                "Costa phoned Otieno.",
                0,
                20,
                date=_day(str(date(2020, 1, 1) + timedelta(days=9 * i))),
            ),
            ["p:costa"],
            ["p:otieno"],
            None,
            date(2020, 1, 1) + timedelta(days=9 * i + 1),
        )
        for i in range(n)
    ]
    assert len(list(candidate_pairs(units))) <= n  # every pair (79,800) before blocking by time


def test_fold_duplicates_folds_into_the_first_fitting_host() -> None:
    body = _res(
        "a",
        "phone_call",
        "Costa phoned Otieno about the border on Sunday.",
        ["p:costa"],
        ["p:otieno"],
        _day("2023-05-14"),
    )
    other = _res(
        "a", "phone_call", "Costa phoned Mbeki about trade.", ["p:costa"], ["p:mbeki"], _day("2023-05-14")
    )
    lede = _res(
        "a",
        "phone_call",
        "Costa phoned Otieno about the border on Sunday.",
        ["p:otieno"],
        ["p:costa"],
        _day("2023-05-14"),
    )
    body.mention.char_start, other.mention.char_start, lede.mention.char_start = 0, 50, 100
    out = merge.fold_duplicates([lede, other, body])
    assert out == [body, other] and body.extra == [lede]
