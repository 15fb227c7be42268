"""Offline geocoding of place spans, beyond the seed articles."""

from __future__ import annotations

from datetime import date

import pytest

from eventgraph.extract.actors import DocActor
from eventgraph.extract.events.mention import Mention, Span
from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.places import default_gazetteer, find_place, key, set_article, words
from eventgraph.extract.resolve.batch import carry_places
from eventgraph.graph.model import DateInterval, Place


@pytest.mark.parametrize(
    ("text", "name", "kind", "country"),
    [
        ("a hangar near Kabul International Airport", "Kabul International Airport", "airport", "AF"),
        ("the Al Udeid air base in Qatar", "Al Udeid Air Base", "military_base", "QA"),
        ("Al-Udeid airfield", "Al Udeid Air Base", "military_base", "QA"),
        ("the outskirts of Kirkuk province", "Kirkuk Province", "province", "IQ"),
        ("the French embassy in Niamey", "French Embassy in Niamey", "embassy", "NE"),
        ("Kherson, southern Ukraine", "Kherson", "city", "UA"),
        ("the Gaza Strip", "Gaza Strip", "region", "PS"),
        ("the UK", "United Kingdom", "country", "GB"),
        ("near the US embassy in Nairobi’s diplomatic quarter", "US Embassy in Nairobi", "embassy", "KE"),
    ],
)
def test_find_place(text: str, name: str, kind: str, country: str) -> None:
    place = find_place(text)
    assert place is not None
    assert (place.name, place.kind, place.country) == (name, kind, country)
    assert place.lat is not None and place.lon is not None


@pytest.mark.parametrize("text", ["the rocket hit", "a convoy", "the capital"])
def test_no_place(text: str) -> None:
    assert find_place(text) is None


def test_key_normalises_articles_and_base_words() -> None:
    assert key("Ain al-Asad airfield") == ("ain", "asad", "airbase")
    assert key("Al Asad Air Base") == ("asad", "airbase")


_TEXT = (
    "Ruiz visited Lima last week and met ministers. Ruiz later said the talks went well. "
    "Ruiz returned from Quito."
)
_RUIZ = DocActor("person", "Ruiz", "person:ruiz")
_OTHER = DocActor("person", "Soto", "person:soto")
_LIMA = Place("place:lima", "Lima", -12.0, -77.0, "PE", "city")
_QUITO = Place("place:quito", "Quito", -0.2, -78.5, "EC", "city")
_WEEK = DateInterval(date(2023, 5, 8), date(2023, 5, 14), "week")
_LATER = DateInterval(date(2023, 6, 20), date(2023, 6, 20), "day")


def _m(type_: str, at: str, when: DateInterval | None = None, place: str | None = None) -> Mention:
    start = _TEXT.index(at)
    span = Span(place, _TEXT.index(place), _TEXT.index(place) + len(place), "GPE") if place else None
    return Mention("a", type_, at, start, at, start, start + len(at), place=span, date=when)


_DEPARTURE = _m("visit", "returned", None, "Quito")
_DEPARTURE.char_start = 0  # reported before the remark


@pytest.mark.parametrize(
    ("host", "host_place", "said_by", "said_when", "expected"),
    [
        (_m("visit", "visited", _WEEK, "Lima"), _LIMA, _RUIZ, _WEEK, _LIMA),  # remarks during the visit
        (_m("visit", "visited", _WEEK, "Lima"), _LIMA, _RUIZ, None, _LIMA),  # undated remarks continue it
        (_m("visit", "visited", _WEEK, "Lima"), _LIMA, _RUIZ, _LATER, None),  # weeks later: not there
        (_m("visit", "visited", _WEEK, "Lima"), _LIMA, _OTHER, _WEEK, None),  # someone else speaking
        (_DEPARTURE, _QUITO, _RUIZ, None, None),  # a departure is no venue
    ],
)
def test_statement_takes_the_place_of_the_visit_it_continues(
    host: Mention,
    host_place: Place,
    said_by: DocActor,
    said_when: DateInterval | None,
    expected: Place | None,
) -> None:
    said = _m("statement", "said", said_when)
    out = carry_places(_TEXT, [(host, [_RUIZ], host_place), (said, [said_by], None)])
    assert out == [host_place, expected]


@pytest.mark.parametrize(
    "name",
    ["Al-Udeid Camp", "Qal'at Bishah", "Kherson", "Tōkyō", "Ḩalab", "São Paulo", "Zürich’s old town"],
)
def test_ascii_fast_path_folds_like_fold(name: str) -> None:
    import re

    raw = re.findall(r"[^\W_]+(?:['’][^\W_]+)?", re.sub(r"(?<=\w)['’]s\b", "", name))
    expected = [fold(w).replace("'", "") for w in raw]
    assert [w for w, _ in words(name)] == [w for w in expected if w and w not in ("al", "el", "the", "s")]


def test_find_is_cached_and_unchanged_by_the_cache() -> None:
    gaz = default_gazetteer()
    text = "a hangar near Kabul International Airport"
    first = gaz.find(text)
    assert first is not None and gaz.find(text) is first
    assert gaz._find(text) == first


def test_a_town_of_that_very_name_beats_a_respelling_of_another_of_like_size() -> None:
    set_article(None)
    # "Florencia" (Colombia, 168k) is no spelling of Florence (Italy, 367k)
    place = find_place("Florencia")
    assert place is not None and place.country == "CO"
