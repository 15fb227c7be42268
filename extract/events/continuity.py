"""One statement told over several sentences is one event; a standfirst repeating the lede is not a new one.

News quotes a speaker, then goes on: "“...,” he said.", "“...,” Kirby continued." Such a
mostly-quoted attribution sentence right after a statement by the same speaker continues
that statement. And a summary line above the lede repeats the lede's event in near the
same words; the fuller, later sentence is kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Doc, Token

from eventgraph.extract.events.mention import Mention, Span
from eventgraph.extract.lexicons.media import MEDIA
from eventgraph.extract.lexicons.speech import PLAIN_ATTRIBUTION, SOURCING_ACTS, SPEECH_NOUNS, SPEECH_VERBS
from eventgraph.extract.lexicons.stopwords import REPEAT_STOPWORDS

# Outlet names and aliases (lower case) -> the outlet: "AP" and "The Associated Press" are one.
_OUTLETS = {
    name.lower(): canon
    for canon, aliases in MEDIA.items()
    for name in (canon, *aliases, *(f"the {a}" for a in (canon, *aliases)))
}
QUOTED_SHARE = 0.5
# An attribution this far into its sentence ("..., he explained.") trails what it attributes.
TRAILING_SHARE = 0.6
SAME_EVENT_SHARE = 0.8
_WORD = re.compile(r"[a-z0-9]+")


def _key(span: Span) -> str:
    words = span.text.replace("’", "'").split()
    return words[-1].lower().removesuffix("'s") if words else ""


def _name_words(span: Span) -> set[str]:
    """The capitalised words of a speaker's description, but for an article: "Interior", "Ministry"."""
    words = span.text.replace("’", "'").split()
    return {w.lower().removesuffix("'s") for w in words if w[:1].isupper()} - {"the", "a", "an"}


def _initials(span: Span) -> str:
    return "".join(w[0].lower() for w in span.text.split() if w[:1].isupper())


def same_speaker(first: Span, later: Span) -> bool:
    """Pronouns and role nouns ("the top commander") continue the speaker just quoted; names must agree."""
    if later.label in ("PRON", "NOUN") or first.label in ("PRON", "NOUN"):
        # "a Health Ministry official" after "the city prosecutor's office": descriptions that both
        # name someone, and no one in common, are two speakers
        named = _name_words(first), _name_words(later)
        both_described = first.label == later.label == "NOUN" and all(named)
        return not both_described or bool(named[0] & named[1])
    a, b = _key(first), _key(later)
    return a == b or b == _initials(first) or a == _initials(later)


def _quoted_share(mention: Mention, quotes: list[tuple[int, int]]) -> float:
    inside = sum(max(0, min(end, mention.char_end) - max(start, mention.char_start)) for start, end in quotes)
    return inside / max(1, mention.char_end - mention.char_start)


def paragraph_index(doc: Doc) -> Callable[[int], int]:
    """Offset -> number of non-blank lines before its line: blanked-out furniture puts no distance."""
    starts: list[int] = []
    offset = 0
    for line in doc.text.split("\n"):
        if line.strip():
            starts.append(offset)
        offset += len(line) + 1
    return lambda at: bisect_right(starts, at) - 1 if starts and at >= starts[0] else 0


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower().replace("’", "'")) if w not in REPEAT_STOPWORDS}


def fold(doc: Doc, mentions: list[Mention], quotes: list[tuple[int, int]]) -> list[Mention]:
    paragraph = paragraph_index(doc)
    kept: list[Mention] = []
    previous: Mention | None = None
    chain_end = 0  # where the statement being continued was last continued
    for mention in mentions:
        if mention.type == "statement":
            if (
                previous is not None
                and previous.char_start != mention.char_start  # a continuation is a later sentence
                and not _indefinite(doc.text, mention)
                and _continues(paragraph, previous, chain_end, mention, quotes)
            ):
                previous.attributes.setdefault("quote", mention.attributes.get("quote"))
                chain_end = mention.char_start
                continue
            previous, chain_end = mention, mention.char_start
        kept.append(mention)
    return _drop_repeats(kept)


def _outlet(mention: Mention) -> str | None:
    """The news outlet that makes a plain report or claim ("AP claimed that ..."), by its canonical name."""
    if mention.attributes.get("speech_act") not in SOURCING_ACTS:
        return None
    names = [_OUTLETS.get(" ".join(a.text.lower().split())) for a in mention.agents]
    return next((n for n in names if n), None)


def _one_report_per_outlet(mentions: list[Mention]) -> list[Mention]:
    """After dating: "The Associated Press published an article ..." then "AP claimed that X visited ...":
    an outlet's report told again, undated or on the same day, is the same report; what it says others
    did stays their own events."""
    first: dict[str, Mention] = {}
    out: list[Mention] = []
    for mention in mentions:
        outlet = _outlet(mention) if mention.type == "statement" else None
        if outlet is None:
            out.append(mention)
            continue
        told = first.setdefault(outlet, mention)
        if told is not mention and (mention.date_text is None or mention.date == told.date):
            continue
        out.append(mention)
    return out


def _indefinite(text: str, mention: Mention) -> bool:
    """ "..., an unidentified ministry source said": an indefinite speaker is someone new, no one quoted."""
    if not mention.agents or mention.agents[0].label != "NOUN":
        return False
    before = text[max(0, mention.agents[0].start - 8) : mention.agents[0].start].lower().split()
    return bool(before) and before[-1] in ("a", "an", "another")


def _continues(
    paragraph: Callable[[int], int],
    first: Mention,
    chain_end: int,
    later: Mention,
    quotes: list[tuple[int, int]],
) -> bool:
    """After a statement, "“...,” he said." or "..., he explained." by the same speaker goes on with it."""
    if not first.agents or not later.agents or later.trigger.lower() not in PLAIN_ATTRIBUTION:
        return False
    gap = paragraph(later.char_start) - paragraph(chain_end)
    if gap > 1 or not same_speaker(first.agents[0], later.agents[0]):
        return False
    trailing = later.trigger_start - later.char_start > TRAILING_SHARE * (later.char_end - later.char_start)
    pronoun_here = gap == 0 and later.agents[0].label == "PRON"
    return _quoted_share(later, quotes) > QUOTED_SHARE or trailing or pronoun_here or _anaphor(first, later)


def _anaphor(first: Mention, later: Mention) -> bool:
    """ "the Freedonian Trade Ministry said ..." then "The ministry said that ...": the same body
    named again by its head noun alone goes on with what it said."""
    speaker = later.agents[0]
    words = speaker.text.lower().split()
    return (
        speaker.label == "NOUN"
        and len(words) == 1
        and len(first.agents[0].text.split()) > len(words)
        and _key(speaker) == _key(first.agents[0])
    )


# Happenings an article tells once and then refers back to ("Israel said it bombed the headquarters").
RETOLD_TYPES = frozenset(
    [
        "rocket_attack",
        "drone_attack",
        "missile_attack",
        "airstrike",
        "other_attack",
        "phone_call",
        "meeting",
        "legal_action",
    ]
)
# Arrests and raids are told again in other words ("seven were arrested after police raided ..." then "the
# raids began at 6am", "officers seized ..."), but a court's step ("charged", "sentenced") or policing a
# crowd ("fired tear gas") is a deed of its own.
ENFORCEMENT_WORDS = frozenset(
    [
        *("arrest", "detain", "apprehend", "custody", "detention", "raid", "search", "seize", "seizure"),
        *("confiscate", "crackdown", "roundup", "swoop", "investigate", "investigation", "operation"),
    ]
)
JUDICIAL_WORDS = frozenset(
    [
        *("charge", "indict", "convict", "sentence", "prosecute", "trial", "conviction", "indictment"),
        *("lawsuit", "sue", "acquit", "extradite", "jail", "imprison", "court", "fine"),
    ]
)
_ATTACKS = frozenset(["rocket_attack", "drone_attack", "missile_attack", "airstrike", "other_attack"])


def _family(event_type: str) -> str:
    return "attack" if event_type in _ATTACKS else event_type


def _participants(mention: Mention) -> set[str]:
    keys = {_key(s) for s in (*mention.agents, *mention.targets) if s.label not in ("PRON", "NOUN")}
    return keys | ({_key(mention.place)} if mention.place else set())


def _named(spans: list[Span]) -> set[str]:
    return {_key(s) for s in spans if s.label not in ("PRON", "NOUN")}


def _described(spans: list[Span]) -> set[str]:
    """Names, and descriptions in full ("his Jordanian counterpart"), which set apart whom an event
    was done to or with."""
    return _named(spans) | {" ".join(s.text.lower().split()) for s in spans if s.label == "NOUN"}


def _compatible(a: list[Span], b: list[Span], names: Callable[[list[Span]], set[str]] = _named) -> bool:
    """Named participants on both sides must meet: "talked with A" is not the call with B."""
    first, later = names(a), names(b)
    return not first or not later or any(_same_name(x, y) for x in first for y in later)


def _same_name(a: str, b: str) -> bool:
    """ "Israel" and "Israeli", "Ukraine" and "Ukrainian": a name and its demonym share their stem;
    "the headquarters" refers back to "the navy and transport ministry headquarters" (all its words are
    there), "his Syrian counterpart" is not "his Jordanian counterpart"."""
    short, long = sorted((a, b), key=len)
    if " " in long:
        words = [set(x.split()) - _ARTICLES for x in (short, long)]
        return bool(words[0]) and words[0] <= words[1]
    return a == b or (len(short) >= 4 and long.startswith(short[:-1]))


_ARTICLES = frozenset({"the", "a", "an"})


# Clause markers that set one happening against another in time: the two are different events.
SEQUENCE_MARKERS = frozenset(["after", "before", "since", "until", "following", "ahead"])


def _legal_step(doc: Doc, mention: Mention) -> str:
    """Which step of law enforcement a legal action is: a court's, policing a crowd, or arrests and raids."""
    span = doc.char_span(mention.trigger_start, mention.trigger_start + len(mention.trigger))
    lemma = span.root.lemma_.lower() if span is not None else mention.trigger.lower()
    if lemma in JUDICIAL_WORDS:
        return "court"
    return "enforcement" if lemma in ENFORCEMENT_WORDS else lemma


def _after_words(marker: Token) -> bool:
    """ "shelled the depot after warning the council": placed after words, not after a deed."""
    anchor = next((c for c in marker.children if c.dep_ in ("pcomp", "pobj")), marker.head)
    return anchor.lemma_.lower() in SPEECH_VERBS or anchor.lemma_.lower() in SPEECH_NOUNS


def _sequenced(doc: Doc, mention: Mention) -> bool:
    """ "The strike came two days after jihadist fighters ambushed a convoy": an event placed after or
    before another is not that other one told again."""
    span = doc.char_span(mention.trigger_start, mention.trigger_start + len(mention.trigger))
    if span is None:
        return False
    tok = span.root
    for node in (tok, *tok.ancestors):
        if any(
            c.dep_ in ("mark", "prep", "advmod") and c.lower_ in SEQUENCE_MARKERS and not _after_words(c)
            for c in node.children
        ):
            return True
        if node.dep_ == "pobj" and node.head.lower_ in SEQUENCE_MARKERS:
            return True
        if node.dep_ not in ("advcl", "pcomp", "pobj", "conj", "xcomp", "compound", "amod"):
            break
    return False


def _aside(doc: Doc, mention: Mention) -> bool:
    """A trigger in a circumstantial clause ("while speaking with X", "as Israel bombed") or a phrase
    hanging from another clause, rather than the head of its own."""
    span = doc.char_span(mention.trigger_start, mention.trigger_start + len(mention.trigger))
    if span is None:
        return False
    tok = span.root
    return tok.dep_ in ("advcl", "relcl") or any(
        c.dep_ == "mark" and c.lower_ in ("while", "as", "when") for c in tok.children
    )


def drop_retold(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """After dating: a happening with no time of its own, of the same kind as one told before it and
    by no other named doer, retells that one ("Israel said it bombed the headquarters" after "Israeli
    strikes killed one"); it is no second event. Its tolls stay with the first telling. A series
    ("10 rocket attacks") is its own line."""
    out: list[Mention] = []
    told: list[Mention] = []
    for mention in _one_report_per_outlet(sorted(mentions, key=lambda m: m.trigger_start)):
        if mention.type in RETOLD_TYPES and not mention.attributes.get("aggregate"):
            first = next(
                (
                    t
                    for t in told
                    if _family(t.type) == _family(mention.type)
                    and _compatible(t.agents, mention.agents)
                    and _compatible(t.targets, mention.targets, _described)
                    and (t.place is None or mention.place is None or _key(t.place) == _key(mention.place))
                    and (t.type != "legal_action" or _legal_step(doc, t) == _legal_step(doc, mention))
                ),
                None,
            )
            if mention.date_text is None and first is not None and not _sequenced(doc, mention):
                keep, drop = first, mention
                if first.date_text is None and _aside(doc, first) and not _aside(doc, mention):
                    # "X, while speaking with Y, urged ..." then "held a phone conversation with
                    # Y": the telling in a main clause is the event, the aside only refers to it.
                    keep, drop = mention, first
                    told[told.index(first)] = mention
                    out[out.index(first)] = mention
                for kind in ("killed", "wounded"):
                    if kind in drop.attributes and kind not in keep.attributes:
                        keep.attributes[kind] = drop.attributes[kind]
                continue
            told.append(mention)
        out.append(mention)
    return out


def _drop_repeats(mentions: list[Mention]) -> list[Mention]:
    """Of two mentions of one type by the same agents in near the same words, keep the later, fuller one."""
    out: list[Mention] = []
    for i, mention in enumerate(mentions):
        words = _words(mention.sentence)
        agents = {s.text for s in mention.agents}
        repeated = any(
            later.type == mention.type
            and later.sentence != mention.sentence
            and agents <= {s.text for s in later.agents}
            and len(words & _words(later.sentence)) >= SAME_EVENT_SHARE * len(words)
            for later in mentions[i + 1 :]
        )
        if not repeated:
            out.append(mention)
    return out
