"""Offline geocoding of place spans, beyond the seed articles."""

from __future__ import annotations

import pytest

from extract.places import find_place, key


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
