"""General English trigger words per event type, speech act and weapon.

Kept apart from the detection rules so that coverage grows by adding words, not code.
Everything here is ordinary news vocabulary; nothing names a particular conflict.
"""

from __future__ import annotations

# Verbs that report speech, by the speech act they perform.
SPEECH_VERBS: dict[str, str] = {
    **dict.fromkeys(
        [
            "say",
            "tell",
            "state",
            "affirm",
            "reaffirm",
            "reiterate",
            "add",
            "continue",
            "note",
            "stress",
            "explain",
            "describe",
            "assert",
            "insist",
            "declare",
            "announce",
            "confirm",
            "admit",
            "acknowledge",
            "emphasize",
            "emphasise",
            "comment",
            "reply",
            "remark",
            "argue",
            "write",
            "tweet",
            "claim",
            "suggest",
            "indicate",
            "maintain",
            "express",
            "voice",
            "concede",
            "predict",
            "recount",
            "recall",
            "observe",
            "disclose",
            "reveal",
            "mention",
            "answer",
            "respond",
        ],
        "claim",
    ),
    **dict.fromkeys(["warn", "caution"], "warning"),
    **dict.fromkeys(["threaten", "vow"], "threat"),
    **dict.fromkeys(
        ["accuse", "blame", "condemn", "criticize", "criticise", "denounce", "allege", "slam"], "accusation"
    ),
    **dict.fromkeys(["demand", "order", "instruct", "ask", "press", "request"], "demand"),
    **dict.fromkeys(["urge", "appeal", "plead", "implore", "encourage", "advise"], "appeal"),
    **dict.fromkeys(["deny", "reject", "dismiss", "refute"], "denial"),
    **dict.fromkeys(["report", "publish", "cite", "quote"], "report"),
    **dict.fromkeys(["testify"], "testimony"),
}
# "call on X to", "call for X": an appeal; "call" alone is a phone call.
APPEAL_PARTICLES = frozenset({"on", "for", "upon"})
# Nouns that name a statement when someone issues or makes them ("a statement issued by").
SPEECH_NOUNS: dict[str, str] = {
    "statement": "claim",
    "remarks": "claim",
    "warning": "warning",
    "threat": "threat",
    "ultimatum": "threat",
    "accusation": "accusation",
    "denial": "denial",
    "appeal": "appeal",
    "demand": "demand",
    "testimony": "testimony",
}
# Stronger speech acts win when one statement uses several reporting verbs.
SPEECH_ACT_RANK = (
    "threat",
    "warning",
    "accusation",
    "denial",
    "demand",
    "appeal",
    "testimony",
    "report",
    "claim",
)

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
    ["troops", "forces", "soldiers", "marines", "personnel", "reinforcements", "warships", "ships", "units"]
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
    ("take", "office"): "appointment",
    ("swear", "in"): "appointment",
    ("hold", "talks"): "meeting",
    ("arrive", "in"): "visit",
    ("travel", "to"): "visit",
}

# Heads whose complement is not (yet) real: "considering sending", "plans to strike", "denied a report that".
IRREALIS_HEADS = frozenset(
    [
        "consider",
        "plan",
        "propose",
        "threaten",
        "want",
        "hope",
        "seek",
        "intend",
        "aim",
        "expect",
        "prepare",
        "try",
        "attempt",
        "discuss",
        "weigh",
        "mull",
        "contemplate",
        "deny",
        "reject",
        "refuse",
        "fail",
        "avoid",
        "prevent",
        "stop",
        "help",
        "need",
        "urge",
        "ask",
        "demand",
        "call",
        "advise",
        "warn",
        "order",
        "request",
        "encourage",
        "suppose",
        "believe",
        "suspect",
        "fear",
    ]
)
# Nouns whose complement is talk, not a happening: "the idea that Tehran told them", "a plan to strike".
IRREALIS_NOUNS = frozenset(
    [
        "idea",
        "notion",
        "claim",
        "allegation",
        "suggestion",
        "speculation",
        "rumor",
        "rumour",
        "assumption",
        "theory",
        "possibility",
        "plan",
        "proposal",
        "threat",
        "risk",
        "prospect",
        "discussion",
        "option",
        "question",
    ]
)
MODALS = frozenset(
    ["will", "would", "could", "should", "may", "might", "must", "can", "shall", "'ll", "'d", "wo", "ca"]
)
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dozen": 12,
    "twice": 2,
    "thrice": 3,
}
