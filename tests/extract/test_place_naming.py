"""How places of unseen articles are named and chosen: the article's own spelling of a gazetteer
place, names that are streets, organisations or particles, a statement's audience, and places the
gazetteer does not know (extract.places, extract.resolve.batch). Neutral hand-made text."""

from __future__ import annotations

from datetime import date

import pytest

from eventgraph.extract.ingest.read import RawArticle
from eventgraph.extract.pipeline.run import extract_articles
from eventgraph.extract.places import find_place, set_article
from eventgraph.graph.model import Article, Place

_YEMEN = "Troops were sent to Yemen. Fighting went on in Shabwa province and in Hodeida."


@pytest.fixture(autouse=True)
def _no_article() -> None:
    set_article(None)


def test_a_transliteration_keeps_the_articles_spelling_and_the_gazetteers_id() -> None:
    set_article(_YEMEN)
    town = find_place("Hodeida")
    assert town is not None
    assert (town.name, town.gazetteer_name, town.id) == ("Hodeida", "Al Hudaydah", "place:ye:al-hudaydah")
    area = find_place("Shabwa province")
    assert area is not None
    assert (area.name, area.gazetteer_name) == ("Shabwa Governorate", "Shabwah Governorate")
    assert area.id == "place:ye:shabwah-governorate"


def test_a_name_written_as_the_gazetteer_has_it_has_no_second_name() -> None:
    set_article(_YEMEN)
    place = find_place("Mukalla")
    assert place is not None and place.name == "Mukalla" and place.gazetteer_name is None


def test_a_street_names_no_place_but_a_towns_road_is_the_town() -> None:
    set_article("Police in England said a man was stabbed on Elm Road in Leeds.")
    assert find_place("Elm Road") is None
    assert find_place("Oak Tree Lane") is None
    leeds = find_place("the Leeds road")
    assert leeds is not None and leeds.name == "Leeds"


def test_an_organisation_after_a_name_is_no_town_of_its_head_word() -> None:
    set_article("Kent Police said two men were arrested in Maidstone, England.")
    force = find_place("Kent Police")
    assert force is None or force.country == "GB"
    town = find_place("in Police")
    assert town is not None and town.country == "PL"


def test_a_lone_particle_is_no_place() -> None:
    assert find_place("La") is None
    rochelle = find_place("La Rochelle")
    assert rochelle is not None and rochelle.country == "FR"


def _event_places(text: str) -> list[tuple[str, Place | None]]:
    raw = RawArticle(Article("a.txt", published=date(2022, 6, 1)), text, "manifest")
    batch = extract_articles([raw])
    places = {p.id: p for p in batch.places}
    return [(ev.type, places.get(ev.place or "")) for ev in batch.events]


def test_a_statement_made_to_a_news_conference_is_placed_where_the_conference_was() -> None:
    text = (
        "Kenya's interior minister told a news conference in Nairobi on Monday that the border "
        "would stay closed."
    )
    said = [p for t, p in _event_places(text) if t == "statement"]
    assert said and said[0] is not None and said[0].name == "Nairobi"


def test_an_attack_at_a_country_is_placed_at_the_town_the_sentence_names_in_it() -> None:
    text = (
        "Militants launched drones at Kenya overnight, setting a warehouse ablaze in the coastal city "
        "of Mombasa, police said on Tuesday."
    )
    attacks = [p for t, p in _event_places(text) if t != "statement"]
    assert attacks and attacks[0] is not None and attacks[0].name == "Mombasa"


def test_a_place_no_gazetteer_knows_is_kept_by_name_without_coordinates() -> None:
    text = (
        "Fighting spread across northern Kenya this week. On Sunday, gunmen ambushed a bus near "
        "Kolowando village, killing three passengers, Kenyan police said."
    )
    attacks = [p for t, p in _event_places(text) if t != "statement"]
    assert attacks and attacks[0] is not None
    assert attacks[0].name.startswith("Kolowando") and attacks[0].lat is None


def test_of_two_places_joined_by_and_the_event_takes_the_first() -> None:
    text = (
        "Jets carried out strikes on positions in the capital Mogadishu and in Lower Shabelle region, "
        "a radio reported."
    )
    strikes = [place for kind, place in _event_places(text) if kind == "airstrike"]
    assert strikes and strikes[0] is not None and strikes[0].name == "Mogadishu"
    single = "Jets carried out strikes on rebel positions in Abyan province on Monday."
    alone = [place for kind, place in _event_places(single) if kind == "airstrike"]
    assert alone and alone[0] is not None and alone[0].kind == "province"
