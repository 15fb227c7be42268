"""Places on text never seen: villages, districts and provinces from the world index, decided by the
article's country context, each with a unique id and a precision. The incident reports below are
made up in the style of analysts' reports; their places come from the gazetteer, not from any article."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

import pytest

from eventgraph.extract.gazetteer import context as article_context
from eventgraph.extract.gazetteer import index as geo_index
from eventgraph.extract.gazetteer.distance import distance_km
from eventgraph.extract.places import find_place, place_phrase, set_article
from eventgraph.graph.model import Place


def _km(place: Place, lat: float, lon: float) -> float:
    assert place.lat is not None and place.lon is not None
    return distance_km(place.lat, place.lon, lat, lon)


@pytest.fixture(autouse=True)
def _no_article() -> object:
    yield
    set_article(None)


# (report, the span the place resolver sees, country, precision, (lat, lon) of the true place)
REPORTS = [
    (
        "On 3 May 2020, unidentified gunmen attacked a police checkpoint in Mashhad village, "
        "Badakhshan province, killing two policemen.",
        "Mashhad village, Badakhshan province",
        "AF",
        "town",
        (36.817, 70.102),
    ),
    (
        "On 14 June 2021, a roadside bomb struck a military vehicle near Ash Shajarah village, "
        "Daraa governorate, wounding three soldiers.",
        "Ash Shajarah",
        "SY",
        "town",
        (32.774, 35.882),
    ),
    (
        "On 2 February 2022, armed men attacked a police post in Karak district, "
        "Khyber Pakhtunkhwa province, killing one officer.",
        "Karak district, Khyber Pakhtunkhwa province",
        "PK",
        "district",
        (33.116, 71.094),
    ),
    (
        "On 9 September 2019, suspected militants raided Madara village in Bauchi State and burned "
        "several houses.",
        "Madara",
        "NG",
        "town",
        (11.78, 10.448),
    ),
]


@pytest.mark.parametrize(("report", "span", "country", "precision", "where"), REPORTS)
def test_incident_report_village_is_placed_in_its_province(
    report: str, span: str, country: str, precision: str, where: tuple[float, float]
) -> None:
    set_article(report)
    place = find_place(span)
    assert place is not None
    assert (place.country, place.precision) == (country, precision)
    assert _km(place, *where) < 50


def test_without_context_a_shared_name_is_the_largest_place_and_villages_need_support() -> None:
    mashhad = find_place("Mashhad")
    assert mashhad is not None and mashhad.country == "IR"
    assert find_place("Ash Shajarah") is None  # a village with no country named: not guessed


@pytest.mark.parametrize(
    ("article", "country"),
    [
        ("Lebanese troops deployed in Tripoli after clashes in northern Lebanon.", "LB"),
        ("Libya's unity government said fighting in Tripoli had stopped.", "LY"),
    ],
)
def test_country_context_decides_a_shared_city(article: str, country: str) -> None:
    set_article(article)
    place = find_place("Tripoli")
    assert place is not None and place.country == country
    assert place.id == f"place:{country.lower()}:tripoli"


def test_same_name_in_two_countries_gets_two_ids() -> None:
    set_article("Lebanon")
    lebanon = find_place("Tripoli")
    set_article("Libya")
    libya = find_place("Tripoli")
    assert lebanon is not None and libya is not None and lebanon.id != libya.id


@pytest.mark.parametrize(
    ("text", "kind", "precision", "country"),
    [
        ("the outskirts of Idlib province", "province", "province", "SY"),
        ("Helmand province", "province", "province", "AF"),
        ("Mosul, Nineveh province", "city", "town", "IQ"),  # the town is more precise than its province
        ("Iraq", "country", "country", "IQ"),
        ("Baghdad's Green Zone", "neighbourhood", "point", "IQ"),
    ],
)
def test_precision_follows_the_most_precise_place_named(
    text: str, kind: str, precision: str, country: str
) -> None:
    place = find_place(text)
    assert place is not None
    assert (place.kind, place.precision, place.country) == (kind, precision, country)


def test_admin_areas_named_with_a_village_become_its_admin_fields() -> None:
    set_article(REPORTS[0][0])
    place = find_place("Mashhad village, Badakhshan province")
    assert place is not None and place.admin1 == "Badakhshan Province"


def test_a_misspelt_province_in_the_article_country_is_found() -> None:
    set_article("Afghan officials said a US drone strike in Nangahar province killed two planners.")
    place = find_place("Nangahar province")
    assert place is not None and (place.country, place.kind) == ("AF", "province")
    assert _km(place, 34.2, 70.4) < 60


@pytest.mark.parametrize("text", ["in March", "on Sunday", "May"])
def test_months_and_weekdays_are_not_towns(text: str) -> None:
    assert find_place(text) is None


def test_countries_named_counts_names_and_demonyms_not_pronouns() -> None:
    counts = article_context.countries_named("Let us see: Iraqi forces and U.S. troops left Iraq.")
    assert counts == {"IQ": 2, "US": 1}


def test_index_cache_is_built_once_then_loaded_and_rebuilt_when_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventgraph.extract.gazetteer import build

    real = geo_index.load()  # the real index, from the default cache
    assert len(real) > 200_000 and real.lookup("erbil")
    columns: dict[str, object] = {name: getattr(real, name) for name in _COLUMNS}
    calls: list[int] = []

    def fake_build() -> tuple[dict[str, object], dict[str, int | tuple[int, ...]]]:
        calls.append(1)
        return columns, {"erbil": real.lookup("erbil")}

    monkeypatch.setattr(build, "build", fake_build)
    monkeypatch.setenv("EVENTGRAPH_CACHE", str(tmp_path / "cache"))
    path = geo_index.cache_path()
    assert geo_index.load().lookup("erbil") == real.lookup("erbil") and path.exists()
    assert geo_index.load().lookup("erbil") == real.lookup("erbil") and len(calls) == 1  # loaded, not built
    path.write_bytes(b"not a pickle")  # a damaged cache is rebuilt, not fatal
    assert geo_index.load().lookup("erbil") == real.lookup("erbil") and len(calls) == 2
    assert pickle.loads(path.read_bytes())[1] == {"erbil": real.lookup("erbil")}  # and written back whole


_COLUMNS = (
    "names",
    "uids",
    "kinds",
    "countries",
    "lats",
    "lons",
    "pops",
    "admin1",
    "admin1_names",
    "capitals",
    "country_centres",
)


@pytest.mark.slow
def test_incident_reports_end_to_end_get_places_within_50_km() -> None:
    """The real model on made-up one-sentence reports: the event's place is the village (or the
    district) the report names, within 50 km of where it is."""
    from eventgraph.extract.ingest.read import RawArticle
    from eventgraph.extract.pipeline.run import extract_articles
    from eventgraph.graph.model import Article

    raws = [
        RawArticle(Article(f"report-{i}.txt", published=date(2022, 6, 1)), report, "manifest")
        for i, (report, *_rest) in enumerate(REPORTS)
    ]
    batch = extract_articles(raws)
    places = {p.id: p for p in batch.places}
    for i, (_, _, country, _, where) in enumerate(REPORTS):
        located = [places[e.place] for e in batch.events if e.place and e.sources[0].doc == f"report-{i}.txt"]
        assert located, f"report {i}: no event with a place"
        assert located[0].country == country and _km(located[0], *where) < 50, (i, located[0])


def test_an_unknown_village_falls_back_to_its_district_then_province() -> None:
    set_article(REPORTS[2][0])
    district = find_place("Zarghunabadkhel village, Karak district, Khyber Pakhtunkhwa province")
    assert district is not None and (district.precision, district.country) == ("district", "PK")
    province = find_place("Zarghunabadkhel village, Khyber Pakhtunkhwa province")
    assert province is not None and (province.precision, province.country) == ("province", "PK")


@pytest.mark.parametrize(
    ("text", "start", "end", "phrase"),
    [
        (
            "near Ash Shajarah village, Daraa governorate, wounding",
            5,
            8,
            "Ash Shajarah village, Daraa governorate",
        ),
        (
            "in Karak district, Khyber Pakhtunkhwa province, killing",
            3,
            8,
            "Karak district, Khyber Pakhtunkhwa province",
        ),
        ("in Baghdad on Sunday", 3, 10, "Baghdad"),
        ("Kherson, southern Ukraine", 0, 7, "Kherson"),
    ],
)
def test_place_phrase_widens_a_span_over_its_phrase(text: str, start: int, end: int, phrase: str) -> None:
    assert place_phrase(text, start, end) == phrase


def test_an_area_the_article_names_does_not_swallow_its_town() -> None:
    set_article("Oleh Kiper, the governor of the Odesa region, said drones struck the port city of Odesa.")
    place = find_place("Odesa")
    assert place is not None and (place.kind, place.country) == ("city", "UA")


@pytest.mark.parametrize(
    ("span", "report"),
    [("Ash Shajarrah village, Daraa governorate", 1), ("Mashhed village, Badakhshan province", 0)],
)
def test_a_village_spelt_otherwise_is_found_near_the_area_named(span: str, report: int) -> None:
    _, _, country, _, where = REPORTS[report]
    set_article(f"On 3 May 2020 gunmen attacked a checkpoint in {span}.")
    place = find_place(span)
    assert place is not None and (place.country, place.precision) == (country, "town")
    assert _km(place, *where) < 5


def test_a_near_spelling_is_not_taken_without_a_named_area() -> None:
    set_article("Syrian officials said gunmen attacked a checkpoint in Ash Shajarrat village.")
    assert find_place("Ash Shajarrat village") is None


def test_a_transliteration_is_found_in_the_country_the_report_names() -> None:
    # "Shajarrah" and "Shajarah" differ by a doubled letter only (normal.skeleton); the
    # Jordanian village of that name is more populous, the report is about Syria.
    set_article("Syrian officials said gunmen attacked a checkpoint in Ash Shajarrah village.")
    place = find_place("Ash Shajarrah village")
    assert place is not None and place.country == "SY"
