"""Casualty counts of a sentence: how many were killed and wounded, bound to the word that says so.

"killing two and wounding five", "left four dead and 11 injured", "at least 12 people were
killed", "three civilians died", "claimed the lives of 37": each count is read from the
victims of a harm word (its object, its passive subject, or what "left" leaves), never from
the count of rockets, attacks or years, which modify other words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

# Harm words -> what they count. Verbs by lemma, states ("four dead") by word.
KILL_VERBS = frozenset(
    [
        *("kill", "murder", "slay", "assassinate", "behead", "decapitate", "execute", "massacre"),
        *("slaughter", "butcher", "lynch"),
    ]
)
WOUND_VERBS = frozenset(["wound", "injure", "hurt", "maim"])
DIE_VERBS = frozenset(["die", "perish"])
STATE_WORDS = {
    "dead": "killed",
    "killed": "killed",
    "injured": "wounded",
    "wounded": "wounded",
    "hurt": "wounded",
}
# Verbs of violence that kill when they say so: "shot dead", "stabbed to death".
LETHAL_MARKS = frozenset(["dead", "death"])
# Verbs whose "dead" describes a state they leave, counted from that state word itself.
STATE_VERBS = frozenset(["leave", "find", "report", "confirm", "declare", "be"])
DEATH_NOUNS = frozenset(["death", "fatality", "life"])
INJURY_NOUNS = frozenset(["injury"])
# Nouns of harm of either kind: counted only when denied ("no casualties": nobody killed or wounded).
EITHER_NOUNS = frozenset(["casualty", "victim"])
# Victims that are nobody: "killed nobody", "no one was hurt".
NOBODY = frozenset(["nobody", "none", "noone", "no-one"])
# Victim heads that are never people: a count on these is of something else.
NOT_VICTIMS = frozenset(
    [
        "rocket",
        "missile",
        "drone",
        "shell",
        "round",
        "bomb",
        "attack",
        "strike",
        "year",
        "month",
        "week",
        "day",
        *("hour", "minute", "time", "percent", "number", "dozens", "hundreds", "thousands", "scores"),
    ]
)
_NUMBER_NAMES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
_WORDS = {w: i for i, w in enumerate(_NUMBER_NAMES.split())}
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_DEFINITE_ONE = frozenset(["a", "an", "one"])


@dataclass(frozen=True)
class Count:
    """``number`` people ``kind`` (killed or wounded), said by the word ``anchor``."""

    kind: str
    number: int
    anchor: Token


def number_of(tok: Token) -> int | None:
    """The integer a number token writes ("12", "1,300", "twelve", "a dozen"), or None."""
    if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
        return None
    text = tok.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    if text in _WORDS:
        return _WORDS[text]
    if text in _TENS:
        return _TENS[text]
    if text == "dozen":
        return 12
    return None


def victims_count(heads: Iterable[Token]) -> int | None:
    """How many people a list of victim phrases names; None when none of them gives a number."""
    total = 0
    seen = False
    for head in heads:
        for victim in [head, *(c for c in head.subtree if c.dep_ == "conj" and c.head.i == head.i)]:
            n = _one_victim(victim)
            if n is not None:  # "killing 5 people and burning houses": the houses are no count
                total += n
                seen = True
    return total if seen else None


def _one_victim(tok: Token) -> int | None:
    if tok.lemma_.lower() in NOT_VICTIMS:
        return None
    if _denied(tok):
        return 0  # "no one was killed", "killed nobody", "no soldiers were hurt"
    if tok.like_num:
        return number_of(tok)
    for child in tok.children:
        if child.dep_ in ("nummod", "quantmod") or (child.like_num and child.i < tok.i):
            return number_of(child)
    if tok.tag_ in ("NN", "NNP") and (
        tok.ent_type_ == "PERSON"
        or any(c.dep_ == "det" and c.lower_ in _DEFINITE_ONE for c in tok.children)
        or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)
    ):
        return 1  # "killed a soldier", "shot dead John Doe", "killing its driver"
    return None


def _denied(tok: Token) -> bool:
    return tok.lower_ in NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _kind(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") or tok.tag_ == "VBN":
        if lemma in KILL_VERBS or lemma in DIE_VERBS:
            return "killed"
        if lemma in WOUND_VERBS:
            return "wounded"
        if lemma not in STATE_VERBS and any(
            c.lower_ in LETHAL_MARKS and c.dep_ in ("acomp", "oprd", "advmod", "xcomp") for c in tok.children
        ):
            return "killed"  # "shot dead"
        if any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
            for c in tok.children
        ):
            return "killed"  # "stabbed to death"
    if tok.lower_ in STATE_WORDS:
        return STATE_WORDS[tok.lower_]
    return None


def _verb_victims(tok: Token) -> list[Token]:
    if tok.dep_ in ("xcomp", "oprd") and tok.head.lemma_.lower() in STATE_VERBS:
        return _state_holders(tok.head)  # "three staff were found killed"
    children = list(tok.children)
    passive = [c for c in children if c.dep_ == "nsubjpass"]
    if passive:
        return passive
    objects = [c for c in children if c.dep_ == "dobj"]
    if objects:
        return objects
    if tok.lemma_.lower() in DIE_VERBS or tok.tag_ in ("VBN", "JJ"):
        return [c for c in children if c.dep_ == "nsubj"]  # "three fighters died", "11 injured"
    return []


def _state_victims(tok: Token) -> list[Token]:
    """ "four dead", "left one peacekeeper dead": the people a state word describes."""
    counted = [c for c in tok.children if c.dep_ in ("nummod", "nsubj") and c.like_num]
    if counted:
        return counted
    if tok.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and tok.head.lemma_.lower() in STATE_VERBS:
        return _state_holders(tok.head)  # "left four people dead", "were reported dead"
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() == "leave":
        return [tok]
    if tok.dep_ == "amod" and tok.head.dep_ == "dobj":
        return [tok.head]  # "left at least 20 people dead", "shot dead 9 demonstrators"
    return []


def _state_holders(verb: Token) -> list[Token]:
    """Who a state verb leaves, finds or reports in the state: its object or passive subject, less a
    part named after it ("leaving 28 people dead, among them one officer" counts 28)."""
    holders = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return [h for h in holders if not any(c.dep_ == "prep" and c.lower_ in _PART_OF for c in h.children)]


# Prepositions that name part of a count already given ("among them one officer", "including two").
_PART_OF = frozenset(["among", "including"])


def _noun_counts(tok: Token) -> list[Count]:
    """ "the deaths of three", "three fatalities", "claimed the lives of 37", "death toll of 12",
    "Fatalities: 3", and denials: "no casualties were reported", "there were no injuries"."""
    lemma = tok.lemma_.lower()
    kind = "killed" if lemma in DEATH_NOUNS else "wounded" if lemma in INJURY_NOUNS else None
    if lemma == "toll":  # "the death toll rose to 12", "a toll of 12"
        numbers = [g for h in (tok, tok.head) for c in h.children if c.dep_ == "prep" for g in c.children]
        n = next((number_of(g) for g in numbers if g.like_num), None)
        return [Count("killed", n, tok)] if n else []
    if tok.pos_ != "NOUN" or (kind is None and lemma not in EITHER_NOUNS):
        return []
    if _denied(tok) and lemma != "life":
        kinds = [kind] if kind else ["killed", "wounded"]
        return [Count(k, 0, tok) for k in kinds]
    if kind is None or (lemma == "life" and tok.head.lemma_.lower() not in ("claim", "take")):
        return []
    counted = [c for c in tok.children if c.dep_ == "nummod"]
    counted += [c for c in tok.children if c.dep_ == "appos" and c.like_num]  # "Fatalities: 3"
    counted += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    n = victims_count(counted[:1]) if counted else None
    return [Count(kind, n, tok)] if n is not None else []


def counts(tokens: Iterable[Token]) -> list[Count]:
    """Every casualty count the tokens state, each bound to its harm word."""
    out: list[Count] = []
    for tok in tokens:
        kind = _kind(tok)
        if kind is not None:
            victims = _state_victims(tok) if tok.lower_ in STATE_WORDS and tok.pos_ == "ADJ" else []
            victims = victims or _verb_victims(tok)
            n = victims_count(victims)
            if n is not None:
                out.append(Count(kind, n, tok))
            continue
        out += _noun_counts(tok)
    return out
