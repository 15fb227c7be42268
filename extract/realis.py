"""Is a trigger a real, reported happening, or negated, modal, conditional, planned or quoted talk?

Decided from the dependency parse of the trigger's clause, so "will be answered",
"considering sending", "did not release" and "if Iran crossed" are recognised in any wording.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.lexicon import CONDITIONAL_MARKS, IRREALIS_HEADS, MODALS

_CLAUSE_LINKS = frozenset(
    {"xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "pcomp", "dobj", "nsubjpass", "oprd"}
)


def clause_verb(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (``tok`` itself for verbs)."""
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head is not cur:
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
    # "should our forces be attacked": an inverted conditional.
    return any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.dep_ == "aux" and c.lower_ in {"should", "were", "had"} and c.i < verb.i - 2 for c in verb.children
    )


def is_irrealis(tok: Token) -> bool:
    """True when the trigger's happening is negated, modal, conditional, planned, asked for or denied."""
    if tok.sent.text.rstrip().endswith("?"):
        return True
    verb = clause_verb(tok)
    if any(c.dep_ == "neg" for c in tok.children) or _negated_or_modal(verb):
        return True
    cur = tok
    while cur.head is not cur:
        # A noun in a prepositional phrase of another noun ("in retaliation for the strikes") is presupposed.
        if cur.dep_ == "pobj" and cur.head.head.pos_ in ("NOUN", "PROPN") and cur.pos_ == "NOUN":
            return False
        head = cur.head
        if cur.dep_ in _CLAUSE_LINKS or cur.dep_ == "pobj" or cur.dep_ == "prep":
            if head.lemma_.lower() in IRREALIS_HEADS and head is not tok:
                return True
            if head.pos_ in ("VERB", "AUX") and _negated_or_modal(head) and cur.dep_ != "conj":
                return True
        cur = head
    return False


def quote_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks; an unclosed quote runs to the end of its line."""
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    for i, ch in enumerate(doc.text):
        if ch == "\n" and start is not None:
            ranges.append((start, i))
            start = None
        elif start is None and ch in '“"':
            start = i
        elif start is not None and ch in '”"':
            ranges.append((start, i + 1))
            start = None
    if start is not None:
        ranges.append((start, len(doc.text)))
    return ranges


def inside(ranges: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    for start, end in ranges:
        if start <= offset < end:
            return start, end
    return None


def in_speakers_own_words(tok: Token, ranges: list[tuple[int, int]]) -> bool:
    """True for a trigger inside a quoted clause whose subject is quoted too: the speaker's account, not ours."""
    verb = clause_verb(tok)
    span = inside(ranges, tok.idx)
    if span is None or not span[0] <= verb.idx < span[1]:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects:
        return verb.dep_ != "ROOT" or span[0] <= verb.sent.start_char
    return any(span[0] <= s.idx < span[1] for s in subjects)
