"""Named organisations of general use: armed groups, movements, agencies, and the outlets' table.

Two lists name organisations, for two jobs. ``ORGANISATIONS`` is the lexicon: every known
spelling of a group or agency with its canonical name and kind. ``NER_MISSED_ORGS`` is the few
surface forms the entity ruler adds before the small spaCy model's NER because it mislabels or
misses them; adding every lexicon spelling there ("IS", "UN", "Congress") would change what the
model tags. Every name of the second list is a spelling the first one knows (a test checks it).
"""

from __future__ import annotations

from functools import cache

from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.lexicons.media import MEDIA
from eventgraph.graph.model import ActorKind

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

# Well-known armed groups and agencies that the small model mislabels or misses (entity ruler).
NER_MISSED_ORGS = (
    "Hezbollah",
    "Hizbollah",
    "Hizballah",
    "Hamas",
    "Houthis",
    "Houthi",
    "Ansar Allah",
    "ISIS",
    "ISIL",
    "Islamic State",
    "Daesh",
    "al-Qaeda",
    "al Qaeda",
    "Al-Qaeda",
    "al-Shabaab",
    "Boko Haram",
    "Taliban",
    "Wagner Group",
    "Wagner",
    "IRGC",
    "Quds Force",
    "Islamic Revolutionary Guard Corps",
    "Revolutionary Guards",
    "Pentagon",
    "NATO",
    "Popular Mobilization Forces",
    "Popular Mobilisation Forces",
    "Hashd al-Shaabi",
    "PKK",
    "YPG",
    "SDF",
    "Syrian Democratic Forces",
)

# Words in an organisation's own name that make it an armed group ("Lake Brigade", "Northern Front").
GROUPISH_WORDS = (
    "militia",
    "brigade",
    "front",
    "movement",
    "army",
    "battalion",
    "faction",
    "hezbollah",
    "hizbollah",
)


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
