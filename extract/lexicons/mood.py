"""Words that make a clause not (yet) real: modals, conditionals, and heads of planned or reported talk."""

from __future__ import annotations

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
# Nouns of talk or effort whose "on"/"for"/"over" phrase names what is sought, not what happened:
# "talks on a ceasefire", "calls for a truce", "a push for a deal".
TOPIC_NOUNS = frozenset(
    [
        *("talk", "talks", "negotiation", "negotiations", "call", "push", "bid", "effort", "hope"),
        *("demand", "appeal", "request", "pressure", "prospect", "chance", "need"),
    ]
)
# Adverbs that make a clause tell a habit, not a happening: "the two parties routinely blame each other".
HABITUAL_ADVERBS = frozenset(
    ["routinely", "regularly", "often", "frequently", "usually", "habitually", "typically", "customarily"]
)
# Auxiliaries of the future tense ("will", "'ll", "wo" of "won't").
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Modal auxiliaries: the future ones and those of possibility or obligation ("ca" of "can't").
MODALS = FUTURE_AUX | frozenset(["would", "could", "should", "may", "might", "must", "can", "'d", "ca"])
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Adverbs that make speaking habitual, or place it in the story's own past, rather than on the day of the
# report: "has repeatedly called", "then made threats", "previously said".
UNREPORTED_ADVERBS = frozenset(
    {
        *("repeatedly", "often", "frequently", "regularly", "routinely", "usually", "always", "long"),
        *("consistently", "then", "later", "earlier", "previously", "formerly", "once", "subsequently"),
        *("afterwards", "afterward", "before"),
    }
)
