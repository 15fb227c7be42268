"""Words that report speech: verbs and nouns by the speech act they perform, and their ranking.

Ordinary news vocabulary, kept apart from the detection rules so that coverage grows by
adding words, not code.
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
    # praise and thanks (CAMEO 051): "thanked him for his efforts"
    **dict.fromkeys(["thank", "praise", "commend", "congratulate", "hail", "applaud", "welcome"], "claim"),
    # stress and intent (CAMEO 010, 030): "stressed the need for", "pledged to rebuild"
    **dict.fromkeys(["underscore", "underline", "highlight", "pledge", "promise", "offer"], "claim"),
    **dict.fromkeys(["warn", "caution"], "warning"),
    **dict.fromkeys(["threaten", "vow"], "threat"),
    **dict.fromkeys(
        [
            *("accuse", "blame", "condemn", "criticize", "criticise", "denounce", "allege", "slam"),
            *("deplore", "decry", "rebuke", "lament"),  # disapproval (CAMEO 111)
        ],
        "accusation",
    ),
    **dict.fromkeys(["demand", "order", "instruct", "ask", "press", "request"], "demand"),
    **dict.fromkeys(["urge", "appeal", "plead", "implore", "encourage", "advise"], "appeal"),
    **dict.fromkeys(["deny", "reject", "dismiss", "refute"], "denial"),
    **dict.fromkeys(["report", "publish", "cite", "quote"], "report"),
    **dict.fromkeys(["testify"], "testimony"),
}
# Verbs that report speech only when a person or body does them ("the minister underscored", not "the
# attack underscored the risks").
ACTOR_SPEECH = frozenset(["underscore", "underline", "highlight", "offer", "welcome", "lament"])
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
# Speech verbs that only report speech when they take a clause or a quote ("continued to assist" does not).
WEAK_SPEECH = frozenset(
    [
        "continue",
        "add",
        "note",
        "answer",
        "respond",
        "write",
        "observe",
        "maintain",
        "recall",
        "mention",
        "describe",
    ]
)
# Attribution verbs that add no speech act of their own.
PLAIN_ATTRIBUTION = frozenset(
    ["say", "said", "says", "continue", "continued", "add", "added", "explain", "explained", "note", "noted"]
)
# Nouns for an account of a conversation: "a read-out of the call".
ACCOUNT_NOUNS = frozenset({"readout", "account", "transcript", "summary", "record", "statement"})
# Verbs that give an account of a conversation: "the ministry confirmed the call".
ACCOUNT_VERBS = frozenset({"report", "confirm", "disclose", "reveal", "recount"})
# Plain reporting, which is a statement only when it reports no other event (or the speaker's own deed);
# "reported" is not among the verbs: a news outlet's report is news in itself.
SOURCING_ACTS = frozenset({"claim", "report"})
SOURCING_VERBS = frozenset({"say", "tell", "add", "state", "note", "explain"})
# Speech verbs right after a name of two words or more that make it a person's ("Amina Bello said").
SPEAKER_VERBS = ("said", "says", "told", "added", "stressed", "warned")
# Occasions a remark may be said to share with the one told before: "at the same briefing".
OCCASION_NOUNS = frozenset(
    {
        "briefing",
        "conference",
        "event",
        "meeting",
        "hearing",
        "interview",
        "session",
        "rally",
        "ceremony",
        "summit",
    }
)
# Summoning a foreign envoy is a diplomatic protest: a statement (accusation) addressed to the envoy's state.
SUMMON_VERBS = frozenset({"summon"})
DIPLOMAT_NOUNS = frozenset(
    {
        "ambassador",
        "envoy",
        "diplomat",
        "charge",
        "chargé",
        "d'affaires",
        "consul",
        "attache",
        "attaché",
        "emissary",
    }
)
