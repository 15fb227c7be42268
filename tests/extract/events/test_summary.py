"""One-line summaries read like a timeline entry whatever the event type."""

from __future__ import annotations

import pytest

from eventgraph.extract.events.summary import join_names, summarize


@pytest.mark.parametrize(
    ("type_", "agents", "targets", "place", "attrs", "expected"),
    [
        ("phone_call", ["Ana Costa"], ["Jomo Otieno"], None, {}, "Ana Costa phoned Jomo Otieno"),
        ("visit", ["Ana Costa"], [], "Nairobi", {}, "Ana Costa visited Nairobi"),
        ("visit", ["Ana Costa"], ["Kenya"], None, {}, "Ana Costa visited Kenya"),
        ("resignation", ["Jomo Otieno"], [], None, {}, "Jomo Otieno resigned"),
        ("statement", ["Ana Costa"], ["Chile"], None, {"speech_act": "warning"}, "Ana Costa warned Chile"),
        ("statement", ["Ana Costa"], [], None, {"speech_act": "denial"}, "Ana Costa issued a denial"),
        ("statement", [], [], None, {"speech_act": "claim"}, "Unnamed source made a statement"),
        (
            "statement",
            ["Ana Costa"],
            [],
            None,
            {"speech_act": "claim", "quote": "“We will not back down.”"},
            "Ana Costa made a statement: “We will not back down.”",
        ),
        (
            "rocket_attack",
            ["Al-Shabaab"],
            ["AMISOM"],
            "Mogadishu",
            {"count": 3, "weapon": "rocket"},
            "Rocket attack by Al-Shabaab on AMISOM at Mogadishu (3 rockets)",
        ),
        (
            "rocket_attack",
            [],
            [],
            None,
            {"count": 12, "aggregate": True},
            "12 rocket attacks",
        ),
        (
            "drone_attack",
            [],
            [],
            "Erbil",
            {"casualties": {"killed": 0, "wounded": 2}},
            "Drone attack at Erbil (2 wounded)",
        ),
        ("airstrike", ["Israel"], ["Hamas"], None, {}, "Airstrike by Israel on Hamas"),
        ("protest", [], ["the government"], "Lima", {}, "Protest against the government in Lima"),
        ("death", [], [], "Baghdad", {"casualties": {"killed": 460}}, "460 killed in Baghdad"),
        ("agreement", ["Peru", "Chile"], [], None, {}, "Peru and Chile reached an agreement"),
    ],
)
def test_summarize(
    type_: str,
    agents: list[str],
    targets: list[str],
    place: str | None,
    attrs: dict[str, object],
    expected: str,
) -> None:
    assert summarize(type_, agents, targets, place, attrs) == expected


def test_long_quotes_are_cut_at_a_word() -> None:
    line = summarize("statement", ["A"], [], None, {"speech_act": "claim", "quote": "word " * 40})
    assert line.endswith("word…”")
    assert len(line) < 120


@pytest.mark.parametrize(
    ("names", "expected"), [([], ""), (["A"], "A"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B and C")]
)
def test_join_names(names: list[str], expected: str) -> None:
    assert join_names(names) == expected
