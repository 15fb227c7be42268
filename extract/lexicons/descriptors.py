"""Head nouns of unnamed participants ("a senior US military official", "Iranian-backed militias").

Two lists of plural group nouns, for two jobs, share their armed-group core. ``GROUP_NOUNS``
makes an unnamed description an anonymous group actor, so it holds any crowd that acts
("protesters", "troops", "officials"). ``CONTAINER_HEADS`` ends a description that can have
named member groups ("Sahel jihadist groups, including JNIM"), so it holds what has members
("coalition", "alliance") and not crowds: "officials, including Ana Diaz" lists no member groups.
"""

from __future__ import annotations

from eventgraph.extract.lexicons.agents import agent_heads

# Plural and singular heads of armed movements: groups both as actors and as holders of members.
_ARMED_GROUPS = (
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
    "proxies",
    "separatists",
)
# Head nouns that make an unnamed descriptor a group rather than an organisation.
GROUP_NOUNS = frozenset(
    [
        *_ARMED_GROUPS,
        "fighters",
        "protesters",
        "demonstrators",
        "forces",
        "troops",
        "soldiers",
        "officials",
        "lawmakers",
        "leaders",
        *("sources", "witnesses", "diplomats", "analysts", "observers", "experts"),
        *agent_heads(),  # the generic agents of incidents ("gunmen", "villagers"): see lexicons.agents
    ]
)
# Head nouns of a plural description that can hold named member groups ("Sahel jihadist groups").
CONTAINER_HEADS = frozenset(
    [*_ARMED_GROUPS, "movements", "organisations", "organizations", "coalition", "alliance", "network"]
)
# Descriptor heads meaning one person ("a senior US military official").
PERSON_NOUNS = frozenset(
    [
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
    ]
)
# Descriptor heads meaning an unnamed institution ("a US court").
ORG_NOUNS = frozenset(
    ["court", "ministry", "parliament", "military", "army", "navy", "police", "embassy", "agency", "media"]
)
# Any head noun of an unnamed participant.
DESCRIPTOR_HEADS = GROUP_NOUNS | PERSON_NOUNS | ORG_NOUNS
# Nouns of a state's power: "the Iraqi government", "Iranian authorities" name the state, not a group.
GOVERNMENT_NOUNS = (
    "government",
    "administration",
    "authorities",
    "regime",
    "leadership",
    "leaders",
    "state",
    "cabinet",
)
# Nouns of armed forces after a country or demonym ("Iraqi soldiers", "US special forces"); alternation order
# kept (longest forms first where one begins another).
FORCES_MODIFIERS = ("security", "armed", "military", "ground", "special")
FORCES_NOUNS = (
    "forces",
    "troops",
    "soldiers",
    "soldier",
    "servicemen",
    "service members",
    "servicemembers",
    "personnel",
    "marines",
)
# Participles that make a group the proxy of a sponsor ("Iranian-backed", "Russia-aligned").
SPONSORSHIP_PARTICIPLES = ("backed", "supported", "sponsored", "aligned", "allied", "linked", "funded")
