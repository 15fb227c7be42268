"""Is a trigger a real, reported happening, or negated, modal, conditional, planned or quoted talk?

Decided from the dependency parse of the trigger's clause, so "will be answered",
"considering sending", "did not release" and "if Iran crossed" are recognised in any wording.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventgraph.extract.events.quotes import inside
from eventgraph.extract.lexicons.mood import (
    CONDITIONAL_MARKS,
    HABITUAL_ADVERBS,
    IRREALIS_HEADS,
    IRREALIS_NOUNS,
    MODALS,
    TOPIC_NOUNS,
)

_COMPLEMENTS = frozenset({"xcomp", "ccomp", "dobj", "pcomp", "acl", "relcl", "nsubjpass", "oprd"})
_LINKS = frozenset(
    {
        "xcomp",
        "ccomp",
        "advcl",
        "acl",
        "relcl",
        "conj",
        "pcomp",
        "dobj",
        "nsubj",
        "nsubjpass",
        "oprd",
        "prep",
        "pobj",
        "attr",
    }
)


def clause_verb(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (``tok`` itself for verbs)."""
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _negated_or_modal(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("aux", "auxpass") and child.lower_ in MODALS:
            return True
        if child.dep_ == "aux" and child.lower_ == "to" and verb.tag_ == "VB":
            return True
        if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
            return True
        if child.dep_ == "aux" and child.lower_ == "going":
            return True
        if child.dep_ == "advmod" and child.lower_ in HABITUAL_ADVERBS:
            return True  # "the two parties routinely blame each other for delays": a habit, no happening
    # "should our forces be attacked": an inverted conditional.
    return any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.dep_ == "aux" and c.lower_ in {"should", "were", "had"} and c.i < verb.i - 2 for c in verb.children
    )


def _complement_link(tok: Token) -> bool:
    if tok.dep_ == "prep":
        return any(c.dep_ == "pcomp" for c in tok.children)
    return tok.dep_ in _COMPLEMENTS


def _irrealis_word(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN":
        return lemma in IRREALIS_NOUNS
    if lemma == "call" and not any(
        (c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon") and c.i > tok.i) or c.dep_ == "xcomp"
        for c in tok.children
    ):
        return False  # "called for talks", "called on X to", "called them to"; not "what locals call X"
    return tok.pos_ in ("VERB", "AUX") and lemma in IRREALIS_HEADS


def _carries_mood(child: Token, head: Token) -> bool:
    """Whether the head verb's negation or modality reaches the child: not across coordination, and
    a prepositional phrase hanging on a bare "might be" is usually a misattached adjunct."""
    if child.dep_ not in _LINKS or child.dep_ == "conj":
        return False
    if child.dep_ == "prep" and head.pos_ == "AUX":
        return False
    return head.pos_ in ("VERB", "AUX")


def is_irrealis(tok: Token) -> bool:
    """True when the trigger's happening is negated, modal, conditional, planned, asked for or denied."""
    if (tok.pos_ in ("VERB", "AUX") and _negated_or_modal(tok)) or any(c.dep_ == "neg" for c in tok.children):
        return True
    if _ongoing(tok):
        return True  # "a militia which has been battling a rival clan": a campaign going on, no one happening
    if any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in tok.children) and tok.dep_ == "ccomp":
        return True  # an indirect question: "unclear who was attacking"
    if tok.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") and _no_one(c) for c in tok.children):
        return True  # "Neither faction has admitted the raid", "No one was arrested"
    cur = tok
    while cur.dep_ != "ROOT" and cur.head.i != cur.i:
        head = cur.head
        # A noun in a prepositional phrase of another noun ("in retaliation for the strikes") is presupposed.
        if cur.dep_ == "pobj" and tok.pos_ == "NOUN" and head.head.pos_ in ("NOUN", "PROPN"):
            # ... unless that noun is talk about it: "talks on a ceasefire", "calls for a truce"
            return head.head.lemma_.lower() in IRREALIS_NOUNS | TOPIC_NOUNS
        if cur.dep_ == "ccomp" and _semicolon_between(cur, head):
            return False  # "militias clashed near X; casualties were not reported": two statements
        if _complement_link(cur) and _irrealis_word(head):
            return True
        if _carries_mood(cur, head) and _negated_or_modal(head):
            return True
        cur = head
    return False


def _ongoing(verb: Token) -> bool:
    """The perfect progressive ("has been fighting", "have been clashing") tells a state of affairs."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBG" and "been" in auxes and bool(auxes & {"has", "have", "had", "'s", "'ve"})


def _semicolon_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[lo:hi])


def _no_one(subject: Token) -> bool:
    """A subject that denies there was a doer: "no group", "neither side", "nobody", "none of them"."""
    if subject.lower_ in ("nobody", "none", "neither", "noone"):
        return True
    return any(c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") for c in subject.children)


def in_speakers_own_words(tok: Token, ranges: list[tuple[int, int]]) -> bool:
    """True for a trigger in a quoted clause whose subject is quoted too: the speaker's account, not ours."""
    verb = clause_verb(tok)
    span = inside(ranges, tok.idx)
    if span is None or not span[0] <= verb.idx < span[1]:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects:
        root = verb
        while root.head.i != root.i:
            root = root.head
        return span[0] <= root.left_edge.idx + 1
    return any(span[0] <= s.idx < span[1] for s in subjects)
