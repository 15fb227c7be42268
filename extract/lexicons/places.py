"""Words about places: settlement nouns, and the words that end or introduce a place name."""

from __future__ import annotations

# "the port city of Odesa", "the town of Kostiantynivka": the noun says the name is a settlement.
SETTLEMENT_NOUNS = frozenset(
    {"city", "town", "village", "port", "province", "region", "district", "governorate", "county", "oblast"}
)
# Words after a country name that leave it the place ("in Iraq on Friday"); any other lower-case word
# makes the name a modifier ("in Iraq policy talks"), not where the event happened.
AFTER_PLACE_NAME = frozenset(
    [
        "and",
        "or",
        "on",
        "in",
        "last",
        "this",
        "after",
        "before",
        "since",
        "to",
        "from",
        "for",
        "at",
        "with",
        "by",
        "during",
        "was",
        "were",
        "is",
        "has",
        "have",
        "had",
        "over",
        "amid",
        "until",
        "following",
        "as",
        "when",
        "while",
        "where",
        "which",
        "that",
        "late",
        "early",
        "earlier",
        # adverbs and participles that go on after the place ("across Ukraine again", "in Iraq,
        # killing two")
        "again",
        "overnight",
        "yesterday",
        "today",
        "tonight",
        "killing",
        "wounding",
        "injuring",
        "leaving",
    ]
)
# Prepositions that put a statement where it was made ("told lawmakers on Capitol Hill").
SAID_AT_PREPOSITIONS = frozenset(["in", "at", "on", "during", "inside", "outside", "near"])
# Audiences and occasions a statement is made to or at ("told a news conference in X", "told reporters
# in X"): a place phrase on them is where it was said.
SAID_TO_NOUNS = frozenset(
    [
        *("conference", "briefing", "meeting", "session", "summit", "interview", "rally", "ceremony"),
        *("reporters", "journalists", "lawmakers", "parliament", "audience", "crowd", "supporters"),
    ]
)
# Definite place nouns that refer back to a place the article named before ("at the embassy") -> kind.
PLACE_NOUNS = {"embassy": "embassy", "consulate": "embassy", "base": "military_base", "airport": "airport"}
# Words after a name that make it an admin area below a province, as incident reports write them
# ("Beni territory", "Gwoza LGA", "Koro cercle", "Hilmand's Nad Ali district") -> the index's kind.
DISTRICT_NOUNS = frozenset(
    [
        "district",
        "subdistrict",
        "county",
        "territory",
        "lga",
        "commune",
        "cercle",
        "department",
        "municipality",
        "prefecture",
        "woreda",
        "township",
        "tehsil",
        "upazila",
        "raion",
        "rayon",
        "hromada",
        "nahiya",
        "qada",
    ]
)
# Words after a town's name for the land around it: the event happened near the town
# ("Deir ez-Zor countryside", "the outskirts of Gao" is handled by its preposition).
AROUND_TOWN_NOUNS = frozenset(["countryside", "outskirts", "suburbs", "environs", "vicinity", "locality"])
# Lower-case particles inside transliterated names ("Deir ez-Zor", "Ras al-Ain", "Dar es Salaam").
NAME_PARTICLES = (
    *("al", "el", "ad", "ar", "as", "an", "ash", "az", "ez", "es", "ed", "et", "at", "ul", "bin", "ibn"),
    *("de", "del", "des", "du", "la", "le", "les", "da", "do", "dos", "das"),
)

# One-word aliases that are directions or common nouns, never a name alone ("East" for Burkina Faso's
# Est region would take "the East Sea").
GENERIC_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "capital",
        "coast",
        "coastal",
        "islands",
        "island",
        "lakes",
        "mountains",
        "upper",
        "lower",
        "middle",
        "centre",
        "center",
        "interior",
    ]
)
# Premises named by their institution that news places events at ("the Ruritanian embassy in Capitalia",
# "the interior ministry headquarters in Bamako"): a site of its own, at its city.
PREMISES_NOUNS = ("embassy", "consulate", "headquarters", "ministry", "palace", "parliament", "presidency")
# Words that begin many place names and are a place alone only by accident ("Ain Issa" is no "El Ain",
# "Tal Hamis" no "Tal"): spring, hill, village, monastery, cape, well, mountain, valley, house ...
TOPONYM_HEADS = frozenset(
    [
        *(
            "ain",
            "ayn",
            "tal",
            "tall",
            "tell",
            "kafr",
            "kfar",
            "deir",
            "dayr",
            "ras",
            "bir",
            "jabal",
            "jebel",
        ),
        *("wadi", "beit", "bayt", "khan", "umm", "abu", "sidi", "hassi", "qasr", "mazraat", "jisr", "nahr"),
    ]
)

# Nouns after a name that make it a street or road, not the town or area of that name ("Elm Road",
# "the Northgate highway"): a street names no place the gazetteer holds.
STREET_NOUNS = frozenset(
    [
        *("street", "st", "road", "rd", "lane", "avenue", "ave", "boulevard", "highway", "motorway"),
        *("drive", "crescent", "terrace", "alley", "expressway", "freeway", "bypass"),
    ]
)

# Last words of the names of landmarks and natural features ("Capital Hill", "Freedom Square", "Second
# Reef Shoal"): a name ending so is a place, never an actor, whatever label the tagger gives it.
# Of them, natural features and frontiers: a place of their own for an event ("heading to X Shoal", "on
# the X peninsula"), where a street or square gives way to its town.
FEATURE_HEADS = frozenset(
    [
        *("hills", "valley", "peninsula", "shoal", "reef", "island", "islands", "strait", "straits"),
        *("river", "lake", "mountain", "mountains", "plateau", "desert", "pass", "atoll", "archipelago"),
    ]
)
LANDMARK_HEADS = (
    STREET_NOUNS
    | FEATURE_HEADS
    | frozenset(
        [
            "hill",
            "square",
            "bridge",
            "park",
            "market",
            "roundabout",
            "junction",
            "plaza",
            "canal",
            "dam",
            "crossing",
        ]
    )
)

# Heads of organisation names ("Riverside County Police", "Millbrook Council"): after a capitalised word
# they end an organisation's name, not name a town of that word (Police in Poland).
ORGANISATION_HEADS = frozenset(
    [
        *("police", "army", "council", "court", "university", "party", "ministry", "government"),
        *("guard", "forces", "command", "corps", "brigade", "agency", "service", "office", "committee"),
        *("front", "movement", "bank", "company", "group", "authority", "commission", "assembly"),
    ]
)
