"""End to end with the real model: an attack with an unseen weapon and no stated attacker gets the
unidentified armed group of its place's country (one whose article names an armed group does not);
the other side of a clash is a party of it."""

from __future__ import annotations

from datetime import date

import pytest

from eventgraph.extract.ingest.read import RawArticle
from eventgraph.extract.pipeline.run import extract_articles
from eventgraph.graph.model import Article


def _agents(text: str) -> list[str]:
    raw = RawArticle(Article("r.txt", published=date(2022, 6, 1)), text, "manifest")
    batch = extract_articles([raw], warn=lambda _: None)
    names = {a.id: a.name for a in batch.actors}
    return [names[a] for e in batch.events if e.type.endswith("attack") for a in e.agents]


@pytest.mark.slow
def test_a_bomb_without_attacker_is_an_unidentified_groups() -> None:
    text = "On 4 May 2022, a bomb exploded at a bus station in Kisumu, Kenya, killing three people."
    assert _agents(text) == ["Unidentified Armed Group (Kenya)"]


@pytest.mark.slow
def test_no_unidentified_group_when_the_article_names_an_armed_group() -> None:
    text = (
        "On 4 May 2022, a bomb exploded at a bus station in Kisumu, Kenya, killing three people. "
        "Police said al-Shabaab militants had threatened the town."
    )
    assert "Unidentified Armed Group (Kenya)" not in _agents(text)


@pytest.mark.slow
def test_the_other_side_of_a_clash_is_a_party() -> None:
    text = "On 3 June 2022, bandits clashed with soldiers near Gulu, Uganda; four people were killed."
    raw = RawArticle(Article("r.txt", published=date(2022, 6, 1)), text, "manifest")
    batch = extract_articles([raw], warn=lambda _: None)
    names = {a.id: a.name for a in batch.actors}
    parties = {names[a] for e in batch.events for a in (*e.agents, *e.targets)}
    assert {"Unidentified Armed Group (Uganda)", "Uganda military"} <= parties
