"""Cross-article merging of mentions into events, on made-up reports."""

from __future__ import annotations

from datetime import date

import pytest

from extract.mention import Mention
from extract.merge import Resolved, best_date, candidate_pairs, cluster, confidence, pair_score, to_event
from graph.model import DateInterval


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
    from extract.read import RawArticle
    from extract.run import extract_articles
    from graph.model import Article

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
