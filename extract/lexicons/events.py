"""General English trigger words per event type and weapon.

Kept apart from the detection rules so that coverage grows by adding words, not code.
Everything here is ordinary news vocabulary; nothing names a particular conflict.
"""

from __future__ import annotations

ATTACK_VERBS = frozenset(
    [
        "attack",
        "strike",
        "hit",
        "shell",
        "bomb",
        "bombard",
        "target",
        "ambush",
        "raid",
        "assault",
        "invade",
        "storm",
        "shoot",
        "fire",
        "launch",
        "blow",
        "detonate",
    ]
)
# Verbs that need a weapon nearby to mean an armed attack ("hit a record", "target inflation").
WEAK_ATTACK_VERBS = frozenset(["strike", "hit", "target", "fire", "launch", "shoot", "blow"])
ATTACK_NOUNS = frozenset(
    [
        "attack",
        "strike",
        "airstrike",
        "raid",
        "assault",
        "bombing",
        "shelling",
        "barrage",
        "ambush",
        "invasion",
        "offensive",
        "bombardment",
        "explosion",
        "blast",
        "shooting",
        "salvo",
        "volley",
        "incursion",
    ]
)
CASUALTY_VERBS = {
    "kill": "killed",
    "wound": "wounded",
    "injure": "wounded",
    "hurt": "wounded",
    "maim": "wounded",
}

# Weapon word -> (weapon, event type).
WEAPONS: dict[str, tuple[str, str]] = {
    "rocket": ("rocket", "rocket_attack"),
    "katyusha": ("rocket", "rocket_attack"),
    "mortar": ("mortar", "rocket_attack"),
    "drone": ("drone", "drone_attack"),
    "uav": ("drone", "drone_attack"),
    "missile": ("missile", "missile_attack"),
    "airstrike": ("airstrike", "airstrike"),
    "warplane": ("airstrike", "airstrike"),
    "jet": ("airstrike", "airstrike"),
    "aircraft": ("airstrike", "airstrike"),
    "helicopter": ("airstrike", "airstrike"),
    "ied": ("ied", "other_attack"),
    "bomb": ("bomb", "other_attack"),
    "grenade": ("grenade", "other_attack"),
    "artillery": ("artillery", "other_attack"),
    "howitzer": ("artillery", "other_attack"),
    "shell": ("artillery", "other_attack"),
    "bomber": ("airstrike", "airstrike"),
    "fighter-bomber": ("airstrike", "airstrike"),
    "gunfire": ("gun", "other_attack"),
    "gunman": ("gun", "other_attack"),
}
# "air strike", "air raid": the word before the attack noun makes it an airstrike.
AIR_MODIFIERS = frozenset({"air", "aerial"})
# "air defences", "air base": an "air" that names no strike from the air.
AIR_DEFENCE_NOUNS = frozenset(
    {
        "defence",
        "defense",
        "defences",
        "defenses",
        "base",
        "force",
        "space",
        "traffic",
        "port",
        "field",
        "show",
    }
)

# Non-attack event verbs and nouns -> type.
EVENT_VERBS: dict[str, str] = {
    **dict.fromkeys(["phone", "telephone", "ring"], "phone_call"),
    **dict.fromkeys(["meet", "host"], "meeting"),
    **dict.fromkeys(["visit", "tour"], "visit"),
    **dict.fromkeys(["resign", "quit"], "resignation"),
    **dict.fromkeys(["appoint", "nominate", "elect", "designate", "name"], "appointment"),
    **dict.fromkeys(["protest", "demonstrate", "rally", "march"], "protest"),
    **dict.fromkeys(["deploy", "reinforce", "dispatch"], "deployment"),
    **dict.fromkeys(
        [
            "sentence",
            "convict",
            "indict",
            "charge",
            "arrest",
            "detain",
            "sue",
            "prosecute",
            "extradite",
            "jail",
            "imprison",
            "investigate",
        ],
        "legal_action",
    ),
    **dict.fromkeys(["agree", "sign"], "agreement"),
    **dict.fromkeys(["die"], "death"),
}
EVENT_NOUNS: dict[str, str] = {
    **dict.fromkeys(["call", "conversation"], "phone_call"),
    **dict.fromkeys(["meeting", "talks", "summit"], "meeting"),
    **dict.fromkeys(["visit", "trip"], "visit"),
    **dict.fromkeys(["resignation"], "resignation"),
    **dict.fromkeys(["appointment", "nomination"], "appointment"),
    **dict.fromkeys(["protest", "demonstration", "rally"], "protest"),
    **dict.fromkeys(["deployment"], "deployment"),
    **dict.fromkeys(
        ["arrest", "indictment", "trial", "lawsuit", "conviction", "investigation"], "legal_action"
    ),
    **dict.fromkeys(["agreement", "accord", "ceasefire", "truce", "deal"], "agreement"),
}
# Words that turn a plain "call"/"conversation" into a phone call.
PHONE_WORDS = frozenset({"phone", "telephone", "video", "call", "phoned", "telephoned"})
# Verbs that only make a statement of what they take ("send troops" is a deployment, "send a letter" is not).
DEPLOY_OBJECTS = frozenset(
    [
        *(
            "troops",
            "forces",
            "soldiers",
            "marines",
            "personnel",
            "reinforcements",
            "warships",
            "ships",
            "units",
        ),
        *("instructors", "trainers", "advisers", "advisors", "peacekeepers", "paratroopers", "commandos"),
        *("guardsmen", "gendarmes", "contingent", "battalion", "battalions", "brigade", "brigades"),
    ]
)
SEND_VERBS = frozenset({"send", "move", "dispatch", "deploy"})
# "spoke with X", "talked to X": a call or meeting when X is a person, not when it is a newspaper.
CONVERSE_VERBS = frozenset({"speak", "talk"})
COUNTERPART_NOUNS = frozenset(
    [
        "minister",
        "premier",
        "president",
        "leader",
        "king",
        "counterpart",
        "secretary",
        "chancellor",
        "envoy",
        "ambassador",
    ]
)
# Verbs whose phrase "take office", "step down" names a change of post.
PHRASAL_EVENTS: dict[tuple[str, str], str] = {
    ("step", "down"): "resignation",
    ("force", "out"): "resignation",  # an ouster: "the scandal that pushed her out"
    ("push", "out"): "resignation",
    ("take", "office"): "appointment",
    ("swear", "in"): "appointment",
    ("hold", "talks"): "meeting",
    ("arrive", "in"): "visit",
    ("travel", "to"): "visit",
}
# "the militia was behind the attack": predicates that blame the subject for an event.
BLAME_PREDICATES = frozenset({"behind", "responsible", "culpable", "guilty"})
# Words that tell a reported deed with blame, making the report an accusation ("fired without provocation").
BLAME_CUES = frozenset(
    {"provocation", "unprovoked", "deliberately", "indiscriminately", "wantonly", "illegally"}
)
# "carried out an attack", "resumed attacks": verbs whose object event the subject performed (or took up
# again, or stepped up).
CARRY_OUT_VERBS = frozenset(
    [
        *("carry", "launch", "conduct", "stage", "mount", "execute", "perform", "claim"),
        *("resume", "renew", "intensify", "escalate", "step", "begin", "start"),
    ]
)
# Verbs that make a protest of a gathering of protesters.
GATHER_VERBS = frozenset(["gather", "assemble", "converge", "mass", "flock", "return", "regroup"])
PROTESTER_NOUNS = frozenset(["protester", "protestor", "demonstrator", "marcher", "crowd", "activist"])
# "a statement issued by": verbs that make their object noun a statement of the subject.
ISSUE_VERBS = frozenset(["issue", "release", "make", "deliver", "publish", "send", "give"])
# Nouns of a contact between people ("the call", "their meeting"), for dating it by an earlier mention.
CONTACT_NOUNS = frozenset({"call", "conversation", "discussion", "talks", "meeting", "visit", "exchange"})
# Words whose "with"/"of"/"for" phrase names an offence, not a new incident ("charged with wounding",
# "arrested on suspicion of murder", "convicted of assault"); "accused X of shelling" tells an attack.
OFFENCE_GOVERNORS = frozenset(
    [
        *("charge", "convict", "suspicion", "indict", "sentence", "jail", "arrest", "acquit", "guilty"),
        *("count", "try", "prosecute", "conviction"),
    ]
)
