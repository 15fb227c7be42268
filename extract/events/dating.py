"""Which temporal expression dates which event, decided from the parse, then resolved to the calendar.

A timex dates the trigger whose clause it modifies (its nearest trigger or verb ancestor);
events that share a clause by coordination or control share its date, but the complement
of a reporting verb does not inherit the date of the report, nor an "after"/"since" clause
the date of its main clause. A mention with no timex of its own takes what its report's
wording gives (``report_time``); a statement without a date of its own continues the last
dated statement of the same speaker a few paragraphs up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from eventgraph.extract.events import continuity
from eventgraph.extract.events.mention import Mention, Span
from eventgraph.extract.events.realis import clause_verb
from eventgraph.extract.events.report_time import (
    dated_attributions,
    fronted_report_timexes,
    overnight_of_report,
    pluperfect,
    prior_clause,
    same_day,
    sentence_opening,
)
from eventgraph.extract.ingest.dateline import dateline_end
from eventgraph.extract.lexicons.events import ATTACK_NOUNS, CONTACT_NOUNS
from eventgraph.extract.lexicons.function_words import BACK_DETS
from eventgraph.extract.lexicons.mood import FUTURE_AUX, UNREPORTED_ADVERBS
from eventgraph.extract.lexicons.speech import ACCOUNT_NOUNS, ACCOUNT_VERBS, OCCASION_NOUNS, SPEECH_VERBS
from eventgraph.extract.lexicons.time import ONSET_VERBS, OVERNIGHT
from eventgraph.extract.temporal.intervals import resolve, shift
from eventgraph.extract.temporal.tagger import tag
from eventgraph.extract.temporal.timex_types import Relation, Tense, Timex
from eventgraph.graph.model import DateInterval

# Dependencies along which an event shares the date of the clause it hangs from.
SHARED_DATE_DEPS = frozenset(
    {
        "conj",
        "xcomp",
        "advcl",
        "prep",
        "pobj",
        "acl",
        "dobj",
        "nsubj",
        "nsubjpass",
        "npadvmod",
        "pcomp",
        "appos",
        "relcl",
        "agent",
    }
)
# Prepositions placing a deed within an occasion: "in a phone call Monday", "at Tuesday's briefing".
OCCASION_PREPOSITIONS = frozenset({"in", "during", "at", "on", "amid"})
# Dependencies inside a noun phrase: a relative clause this deep in a trigger noun's phrase tells it.
NOUN_PHRASE_DEPS = frozenset({"prep", "pobj", "compound", "amod", "poss", "nmod"})
CONTACT_TYPES = frozenset({"phone_call", "meeting", "visit"})
# Speech acts about what is to come, and the words that give such a thing's time, not the speaking's.
FORWARD_ACTS = frozenset({"threat", "warning", "demand", "appeal"})
DEADLINE_WORDS = frozenset({"from", "until", "till", "by", "starting", "beginning", "before"})
# A clock time alone: "3 a.m.", "10:30 pm", "noon" (no weekday, date or part of a day).
CLOCK_ONLY = re.compile(
    r"(?:(?:at|around|about|shortly\s+(?:before|after))\s+)*(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?|noon|midnight)"
    r"(?:\s+(?:local\s+time|GMT|UTC|[A-Z]{2,4}))?",
    re.IGNORECASE,
)
# Kinds a plain report with no time of its own places on the day it was published.
REPORTED_TYPES = frozenset({"statement", "phone_call"})
# Clauses that tell of a happening only within someone's words or as the circumstance of another.
EMBEDDED_CLAUSES = frozenset({"advcl", "csubj", "pcomp"})
ACCORDING_TO = re.compile(r"\s*According to ([^,]{1,60}),")
WORD = re.compile(r"[A-Za-z0-9]+")
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# How many days before publication a dateline's date may lie and still be the report's own day.
FILED_DAYS_BEFORE = 7
# How far back a statement looks for the dated statement it continues.
CONTINUATION_PARAGRAPHS = 6
# How far after a call or talks the parties' undated words are still told of it.
CONTACT_PARAGRAPHS = 3


@dataclass
class _Dated:
    timex: Timex
    interval: DateInterval


def attach_dates(doc: Doc, mentions: Sequence[Mention], dct: date | None) -> None:
    """Set ``date`` and ``date_text`` of each mention in place."""
    text = doc.text  # built from the tokens at every access
    filed = _datelines(doc)
    tagged = tag(text, dct)
    day = _filed_day(tagged, filed, dct)
    if day is not None and day != dct:
        dct, tagged = day, tag(text, day)  # "on Thursday" counts back from the day the story was filed
    timexes = [
        t for t in tagged if text[t.start : t.end].strip() and not any(a <= t.start < b for a, b in filed)
    ]
    by_char = {tok.idx: tok for tok in doc}
    triggers = {m.trigger_start: by_char[m.trigger_start] for m in mentions if m.trigger_start in by_char}
    trigger_ids = {tok.i for tok in triggers.values()}
    attached: dict[int, list[Timex]] = {}
    for timex in timexes:
        head = _timex_head(doc, timex)
        if head is not None:
            attached.setdefault(_attachment(head, trigger_ids).i, []).append(timex)
    resolved: list[tuple[Mention, Token]] = []
    vague: set[int] = set()  # mentions dated only "recently": they get no date, not even a neighbour's
    for mention in sorted(mentions, key=lambda m: m.trigger_start):
        tok = triggers.get(mention.trigger_start)
        if tok is None:
            continue
        own = [t for t in _own_timexes(tok, attached, trigger_ids) if not _deadline_of(mention, t, text)]
        if not own and mention.type != "statement" and dct is not None:
            own = _purpose_clause_timexes(tok, attached, trigger_ids, dct)
        if not own and mention.type != "statement":
            own = fronted_report_timexes(tok, attached)
        if not own:
            own = sentence_opening(mention, tok, timexes)
        dated = _choose(own, tok, dct, resolved, attached, timexes) if own else None
        if dated:
            mention.date, mention.date_text = (
                _before_reference(dated.interval, tok, resolved),
                dated.timex.text,
            )
        elif own:
            vague.add(id(mention))
        elif (opener := same_day(mention, resolved, timexes, dct)) is not None:
            mention.date, mention.date_text = opener[1], opener[0].text
        elif dct is not None and _overnight(tok):
            mention.date = DateInterval(date.fromordinal(dct.toordinal() - 1), dct, "range")
            mention.date_text = "overnight"
        elif mention.type == "statement" and not _date_from_source(mention, resolved):
            _date_from_contact(mention, tok, resolved, dct)
        resolved.append((mention, tok))
    _same_occasion(resolved, vague)
    _continue_statements(resolved, vague, dated_attributions(doc, attached, trigger_ids, dct))
    _continue_contacts(resolved, vague)
    overnight_of_report(resolved)
    if dct is not None:
        _date_reports(resolved, vague, dct)


def _before_reference(
    interval: DateInterval, tok: Token, earlier: list[tuple[Mention, Token]]
) -> DateInterval:
    """ "She met him on Friday. They had met once earlier this month": the pluperfect span ends
    before the day last told, the past it looks back from."""
    if interval.precision != "range" or not pluperfect(clause_verb(tok)):
        return interval
    days = [m.date.start for m, _ in earlier if m.date is not None and m.date.precision == "day"]
    if not days or not interval.start < days[-1] <= interval.end:
        return interval
    return DateInterval(interval.start, date.fromordinal(days[-1].toordinal() - 1), "range")


def _deadline_of(mention: Mention, timex: Timex, text: str) -> bool:
    """ "threatened a walkout from Monday", "demanded a withdrawal by Friday": the time of what a
    threat or demand is about, not of the speaking."""
    if mention.type != "statement" or mention.attributes.get("speech_act") not in FORWARD_ACTS:
        return False
    before = text[max(0, timex.start - 12) : timex.start].split()
    return bool(before) and before[-1].lower() in DEADLINE_WORDS


def _overnight(tok: Token) -> bool:
    """ "struck Odesa overnight", "an overnight explosion": the night before the report's day."""
    verb = clause_verb(tok)
    # a deed coordinated with one done overnight: "arrested two men overnight and seized cash"
    shared = (tok, verb, verb.head) if verb.dep_ == "conj" else (tok, verb)
    return any(
        c.lower_ in OVERNIGHT and c.dep_ in ("advmod", "amod", "npadvmod") for t in shared for c in t.children
    )


def _filed_day(timexes: list[Timex], filed: list[tuple[int, int]], dct: date | None) -> date | None:
    """The day a dated dateline ("LONDON, March 3 (Reuters) -") says the story was filed: the report's
    own day, when it is at most a week before publication (a later or far earlier one is a misreading)."""
    for timex in timexes:
        if not any(a <= timex.start < b for a, b in filed):
            continue
        interval = resolve(timex, dct, "past") if dct is not None else timex.interval
        if interval is None or interval.start != interval.end:
            continue
        if dct is None or 0 <= (dct - interval.start).days <= FILED_DAYS_BEFORE:
            return interval.start
    return None


def _datelines(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of datelines: their date is when the story was filed, not when anything happened."""
    spans = []
    for sent in doc.sents:
        text = sent.text
        lead = len(text) - len(text.lstrip())
        end = dateline_end(text[lead:])
        if end:
            spans.append((sent.start_char + lead, sent.start_char + lead + end))
    return spans


def _timex_head(doc: Doc, timex: Timex) -> Token | None:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def _attachment(head: Token, trigger_ids: set[int]) -> Token:
    """The trigger or verb whose clause the timex modifies (a trigger noun's relative clause is its own).

    A timex standing between a reporting verb and its complement's subject ("told reporters on Monday he
    expressed") dates the report, whatever the parser attached it to.
    """
    if head.dep_ == "advmod" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i not in trigger_ids:
        return head.head  # "X (formerly Twitter)": an adverb of a name tells of the name, not of the clause
    cur = head.head if head.head.i != head.i else head
    while cur.head.i != cur.i:
        if cur.i in trigger_ids:
            return cur
        if cur.pos_ in ("VERB", "AUX") and (
            cur.dep_ not in ("relcl", "acl") or not _in_trigger_phrase(cur.head, trigger_ids)
        ):
            if _ongoing_participle(cur):
                cur = cur.head
                continue
            break  # a relative clause of a participant ("Mesa, who won the Oct. 20 vote") is its own
        cur = cur.head
    if cur.dep_ == "ccomp" and cur.head.i in trigger_ids and cur.head.i < head.i < cur.left_edge.i:
        return cur.head
    if cur.dep_ == "ccomp" and cur.head.i in trigger_ids:
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and cur.head.i < head.i < subjects[0].left_edge.i:
            return cur.head
    return cur


def _ongoing_participle(verb: Token) -> bool:
    """ "blocked two boats heading to the shoal on Saturday": a present participle of an argument of the
    clause goes on at the clause's time (a past one, "a group founded in 2014", has its own)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ in ("dobj", "nsubj", "nsubjpass")


def _in_trigger_phrase(noun: Token, trigger_ids: set[int]) -> bool:
    """Whether a noun is a trigger or lies inside a trigger noun's phrase ("the attack on a post near
    Bawku, which killed ..."), not a participant of a clause ("Mesa, the former president who ...")."""
    while noun.i not in trigger_ids:
        if noun.dep_ not in NOUN_PHRASE_DEPS or noun.head.i == noun.i:
            return False
        noun = noun.head
    return True


def _own_timexes(tok: Token, attached: dict[int, list[Timex]], trigger_ids: set[int]) -> list[Timex]:
    """Timexes of the trigger's own clause, else of the clause it is coordinated with or an argument of."""
    if tok.i in attached:
        return attached[tok.i]
    verb = clause_verb(tok)
    cur = tok
    while cur.head.i != cur.i and cur.dep_ in SHARED_DATE_DEPS:
        # "spoke on Wednesday for the first time since Russia invaded": before that date, unless the
        # main clause counts back to it ("came a day after the group said")
        if prior_clause(cur) and not any(t.relation is not None for t in attached.get(cur.head.i, [])):
            return []
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.lemma_.lower() in SPEECH_VERBS:
            return []  # "accused Russia on Monday of shelling the town": what is said of, not the saying
        cur = cur.head
        if cur.i in attached:
            return attached[cur.i]
        if cur.i == verb.i and cur.dep_ in ("ccomp", "parataxis"):
            break
    for child in tok.children:
        # A statement made in a dated call: "asked him in a phone call Monday" (not "arrested over
        # Sunday's shooting": what a deed is about has its own date).
        if child.dep_ == "prep" and child.lower_ in OCCASION_PREPOSITIONS:
            for obj in child.children:
                if obj.i in attached and obj.dep_ == "pobj":
                    return attached[obj.i]
        # A dated circumstance that is no event itself: "Asked about it on Tuesday, Kirby said".
        if child.dep_ == "advcl" and child.i in attached and child.i not in trigger_ids:
            return attached[child.i]
    return _closing_conjunct(verb, attached)


def _purpose_clause_timexes(
    tok: Token, attached: dict[int, list[Timex]], trigger_ids: set[int], dct: date
) -> list[Timex]:
    """ "began sending instructors to train marines this month": the current period ("this month",
    "today") closing the purpose clause of a deed done is the deed's; another ("to avenge a raid last
    year", "to hold elections next month") is the purpose's own."""
    governing = tok
    while governing.dep_ == "xcomp" and governing.head.i != governing.i:
        governing = governing.head  # "began sending": the tense is the finite verb's
    if tense_of(governing) != "past":
        return []
    frontier, seen = [tok], 0
    while frontier and seen < 6:
        node = frontier.pop(0)
        seen += 1
        for child in node.children:
            if child.dep_ not in ("xcomp", "advcl") or child.pos_ != "VERB" or child.i in trigger_ids:
                continue
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children) and child.i in attached:
                closing = child.right_edge.idx + len(child.right_edge.text)
                past = [
                    t
                    for t in attached[child.i]
                    if t.interval is not None
                    and t.interval.start <= dct <= t.interval.end
                    and t.end >= closing - 1
                ]
                if past:
                    return past
            frontier.append(child)
    return []


def _closing_conjunct(verb: Token, attached: dict[int, list[Timex]]) -> list[Timex]:
    """ "killed two people and injured nine today": a time closing the last of coordinated verbs dates
    them all."""
    conjuncts = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > verb.i]
    if not conjuncts or conjuncts[-1].i not in attached:
        return []
    last = conjuncts[-1]
    closing = last.right_edge.idx + len(last.right_edge.text)
    return [t for t in attached[last.i] if t.end >= closing - 1 and t.start > last.idx]


def _date_from_source(mention: Mention, earlier: list[tuple[Mention, Token]]) -> bool:
    """A sentence opening "According to AP," goes on with AP's last report: it has that report's dates."""
    match = ACCORDING_TO.match(mention.sentence)
    if match is None:
        return False
    source = {w.lower() for w in WORD.findall(match.group(1))}
    for report, _ in reversed(earlier):
        if report.type == "statement" and any(speaker_key(a) in source for a in report.agents):
            told = [
                m
                for m, _ in earlier
                if m.sentence == report.sentence and m is not report and m.date is not None
            ]
            if told:
                mention.date, mention.date_text = told[-1].date, told[-1].date_text
            return True
    return False


def _date_from_contact(
    mention: Mention, tok: Token, earlier: list[tuple[Mention, Token]], dct: date | None
) -> None:
    """What a party said "in the call", or a read-out of it, has the call's date; what someone else
    said about the call happened between the call and publication."""
    sentence = tok.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    if sentence is None or not any(_in_contact(t) for t in sentence):
        return
    for other, _ in reversed(earlier):
        if other.type not in CONTACT_TYPES:
            continue
        if other.date is None:
            return
        parties = {speaker_key(s) for s in other.agents + other.targets}
        speakers = {speaker_key(s) for s in mention.agents if s.label in NAMED}
        if speakers and not speakers & parties and dct is not None and dct > other.date.end:
            mention.date, mention.date_text = DateInterval(other.date.start, dct, "range"), other.date_text
        else:
            mention.date, mention.date_text = other.date, other.date_text
        return


def _in_contact(tok: Token) -> bool:
    """ "a read-out of their discussion", "in the call", "reported the call": what was said in that call."""
    if tok.lemma_.lower() not in CONTACT_NOUNS or not any(c.lower_ in BACK_DETS for c in tok.children):
        return False
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in ACCOUNT_VERBS
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "of":  # "read-out" is three tokens
        account = tok.doc[prep.head.left_edge.i : prep.i].text.lower().replace("-", "").split()
        return bool(ACCOUNT_NOUNS.intersection(account))
    return prep.lower_ in ("in", "during")


def tense_of(tok: Token) -> Tense:
    verb = clause_verb(tok)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return "future"
    if verb.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    return "present" if verb.tag_ in ("VBZ", "VBP", "VBG") else "past"


def _clock_only(timex: Timex) -> bool:
    """ "at 3 a.m. (0100 GMT) on Saturday": a clock time that names no day of its own."""
    return timex.type == "TIME" and bool(CLOCK_ONLY.fullmatch(timex.text))


def _choose(
    own: list[Timex],
    tok: Token,
    dct: date | None,
    earlier: list[tuple[Mention, Token]],
    attached: dict[int, list[Timex]] | None = None,
    timexes: Sequence[Timex] = (),
) -> _Dated | None:
    if len(own) > 1:  # the day, not a bare clock time read as today, dates the event
        own = sorted(own, key=_clock_only)
    for i, timex in enumerate(own):
        if timex.relation is None and dct is not None:
            interval = resolve(timex, dct, tense_of(tok))
            if interval is not None and interval.start > dct and tense_of(tok) == "past":
                interval = _weekend_past(timex, interval)
            if interval is not None:
                if _in_since_clause(timex, tok) and interval.start <= dct:
                    interval = DateInterval(interval.start, max(interval.end, dct), "range")
                return _Dated(timex, _and_next(interval, own[i + 1 :], tok, dct))
    for timex in own:
        if timex.relation is not None:
            if _inside_anchor(timex, tok) or _under_relation_word(timex, tok):
                # "The attack came a day after the group said it fired drones": the saying is the anchor,
                # dated back from the event the main clause is about, when that one is dated.
                inverse = _from_main_clause(timex, tok, dct, attached or {}) or _from_subject(
                    timex, tok, earlier
                )
                if inverse is not None:
                    return inverse
                continue
            anchor = _anchor(timex, earlier) or _day_named_before(timex, timexes, dct)
            moved = shift(anchor, timex.relation) if anchor is not None else None
            if moved is not None:
                return _Dated(timex, moved)
    return None


def _weekend_past(timex: Timex, interval: DateInterval) -> DateInterval:
    """ "attacked the base this weekend", written on a weekday: the weekend just past, not the next."""
    if "weekend" not in timex.text.lower():
        return interval
    return DateInterval(
        interval.start - timedelta(days=7), interval.end - timedelta(days=7), interval.precision
    )


def _in_since_clause(timex: Timex, tok: Token) -> bool:
    """ "since fighting broke out on Friday, 40 guards were killed": what the clause dates runs from its
    day to the day of writing; an event the clause itself tells is its starting point ("since they agreed
    a truce in 2003"), unless it only began then ("since clashes erupted")."""
    if timex.mod is not None:
        return False
    cur = _timex_head(tok.doc, timex)
    while cur is not None and cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    if cur is None or not any(c.dep_ == "mark" and c.lower_ == "since" for c in cur.children):
        return False
    return tok not in cur.subtree or cur.lemma_.lower() in ONSET_VERBS


def _and_next(interval: DateInterval, rest: list[Timex], tok: Token, dct: date) -> DateInterval:
    """ "On Monday and Tuesday, crowds gathered again": two dates joined by "and" date one
    mention from the first to the second."""
    if not rest or rest[0].relation is not None:
        return interval
    following = rest[0]
    text = tok.doc.text
    earlier_end = text.rfind(" and ", 0, following.start)
    if earlier_end < 0 or text[earlier_end : following.start].strip() != "and":
        return interval
    second = resolve(following, dct, tense_of(tok))
    if second is None or second.start <= interval.end or (second.start - interval.end).days > 31:
        return interval
    return DateInterval(interval.start, second.end, "range")


def _inside_anchor(timex: Timex, tok: Token) -> bool:
    """Whether the trigger is part of the event a relative date counts from."""
    anchor_text = timex.relation.anchor_text if timex.relation is not None else None
    if not anchor_text:
        return False
    start = tok.doc.text.find(anchor_text, timex.end)
    return start >= 0 and start <= tok.idx < start + len(anchor_text)


def _relation_word(timex: Timex, doc: Doc) -> Token | None:
    """The "after"/"before" that ends a relative date ("a day after ..."), as a token of the parse."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    last = span[-1] if span[-1].lower_ in ("after", "before") else doc[span.end]
    return last if last.lower_ in ("after", "before") else None


def _under_relation_word(timex: Timex, tok: Token) -> bool:
    """Whether the trigger stands in the clause an "after"/"before" introduces, i.e. is the anchor event."""
    word = _relation_word(timex, tok.doc) if timex.relation is not None and timex.relation.amount else None
    if word is None or tok.i == word.i:
        return False
    return tok in word.subtree or (word.dep_ == "mark" and word.head.i == tok.i)  # "after X said"


def _main_clause(word: Token) -> Token:
    """The clause a relative "after"/"before" hangs from: the head of its preposition, or of its clause."""
    return word.head if word.dep_ == "prep" else word.head.head


def _from_main_clause(
    timex: Timex, tok: Token, dct: date | None, attached: dict[int, list[Timex]]
) -> _Dated | None:
    """ "The deal was signed Monday, a day after Freedonia tested a rocket": the firing lies a
    day before the date of the clause "after" hangs from."""
    relation, word = timex.relation, _relation_word(timex, tok.doc)
    if relation is None or not relation.amount or word is None or dct is None:
        return None
    main = _main_clause(word)
    for other in attached.get(main.i, []):
        if other.relation is None and (interval := resolve(other, dct, tense_of(main))) is not None:
            back = Relation(
                "before" if relation.direction == "after" else "after", relation.amount, relation.unit
            )
            moved = shift(interval, back)
            return _Dated(timex, moved) if moved is not None else None
    return None


def _from_subject(timex: Timex, tok: Token, earlier: list[tuple[Mention, Token]]) -> _Dated | None:
    """ "The attack came a day after X": X lies one day before the attack, if an earlier mention dates
    the attack (the event named by the subject of the clause "after" hangs from)."""
    relation, word = timex.relation, _relation_word(timex, tok.doc)
    if relation is None or not relation.amount or word is None:
        return None
    subjects = [c.lemma_.lower() for c in _main_clause(word).children if c.dep_ in ("nsubj", "nsubjpass")]
    dated = [(m, t) for m, t in earlier if m.date is not None]
    named = [m for m, t in dated if t.lemma_.lower() in subjects]
    if not named and set(subjects) & ATTACK_NOUNS:  # "The attack came ...": the last dated attack
        named = [m for m, _ in dated if m.type.endswith("attack") or m.type == "airstrike"]
    anchor = named[-1].date if named else None
    if anchor is None:
        return None
    back = Relation("before" if relation.direction == "after" else "after", relation.amount, relation.unit)
    moved = shift(anchor, back)
    return _Dated(timex, moved) if moved is not None else None


def _anchor(timex: Timex, earlier: list[tuple[Mention, Token]]) -> DateInterval | None:
    """The dated event a relative date counts from: the last one named like its anchor, else the last one."""
    relation = timex.relation
    if relation is None:
        return None
    dated = [(m, t) for m, t in earlier if m.date is not None and m.trigger_start < timex.start]
    if relation.anchor_text:
        words = {w.lower().rstrip("s") for w in relation.anchor_text.split()}
        named = [(m, t) for m, t in dated if t.lemma_.lower() in words]
        dated = named or dated
    return dated[-1][0].date if dated else None


def _day_named_before(timex: Timex, timexes: Sequence[Timex], dct: date | None) -> DateInterval | None:
    """ "The truce took effect on 5 March. Two days later, ...": with no dated event to count from, the
    day the text last named."""
    before = [
        t for t in timexes if t.end <= timex.start and t.relation is None and t.type in ("DATE", "TIME")
    ]
    interval = resolve(before[-1], dct, "past") if before and dct is not None else None
    return interval if interval is not None and interval.precision == "day" else None


def speaker_key(span: Span) -> str:
    return span.text.split()[-1].lower().strip("’'s") if span.text.split() else ""


def _same_occasion(resolved: list[tuple[Mention, Token]], vague: set[int]) -> None:
    """ "..., the president said at the same briefing": an undated remark at "the same" occasion as the
    last dated statement has that statement's date, whoever spoke."""
    last: Mention | None = None
    for mention, tok in resolved:
        if mention.type != "statement":
            continue
        if mention.date is None and last is not None and id(mention) not in vague and _at_same(tok):
            mention.date, mention.date_text = last.date, last.date_text
        if mention.date is not None:
            last = mention


def _at_same(tok: Token) -> bool:
    """Whether the speech verb is placed "at the same briefing" (or "in the same interview")."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "during")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.lemma_.lower() in OCCASION_NOUNS and any(c.lower_ == "same" for c in obj.children):
                return True
    return False


def _continue_statements(
    resolved: list[tuple[Mention, Token]], vague: set[int], reports: Sequence[tuple[Mention, Token]] = ()
) -> None:
    """An undated statement continues the last dated statement of the same speaker a few paragraphs up
    ("..., he said."), else the dated call, meeting or visit its speaker took part in. ``reports`` are
    dated attributions that are no statement of their own ("..., a monitoring group said Wednesday"):
    the same speaker's next words go on from them too."""
    if not resolved:
        return
    paragraph_of = continuity.paragraph_index(resolved[0][1].doc)
    last_keys: set[str] = set()
    dated: list[tuple[set[str], int, Mention]] = []
    contacts: list[tuple[set[str], int, Mention]] = []
    for mention, tok in sorted([*resolved, *reports], key=lambda pair: pair[0].trigger_start):
        paragraph = paragraph_of(mention.char_start)
        if mention.type in CONTACT_TYPES:
            contacts.append(({speaker_key(s) for s in mention.agents + mention.targets}, paragraph, mention))
        if mention.type != "statement":
            continue
        keys = _speaker_keys(mention, tok, last_keys)
        if mention.date is None and keys and id(mention) not in vague:
            earlier = [(bool(k & keys), p, m) for k, p, m in dated]
            source = _recent(earlier, paragraph, mention) or _recent(
                [(bool(k & keys), p, m) for k, p, m in contacts], paragraph, mention
            )
            if source is not None:
                mention.date, mention.date_text = source.date, source.date_text
        if mention.date is not None and keys:
            dated.append((keys, paragraph, mention))
        last_keys = keys or last_keys


def _speaker_keys(mention: Mention, tok: Token, last_keys: set[str]) -> set[str]:
    """Words naming who speaks: the first agent's last word and the head of the speech verb's subject
    with its apposition ("the group, RightsNet" is "group" too), or the last speaker's for a pronoun."""
    if mention.agents and mention.agents[0].label == "PRON":
        return last_keys
    keys = {speaker_key(mention.agents[0])} if mention.agents else set()
    for subject in (c for c in tok.children if c.dep_ == "nsubj"):
        if subject.pos_ == "PRON":
            return keys or last_keys
        if subject.pos_ in ("NOUN", "PROPN"):
            keys.add(subject.lower_)
            keys.update(
                c.lower_ for c in subject.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")
            )
    return keys - {""}


def _continue_contacts(resolved: list[tuple[Mention, Token]], vague: set[int]) -> None:
    """What the parties said or agreed right after a dated call or talks is told ("They also agreed ...",
    "The envoys denounced ...") took place in it: it has the contact's date, until someone else is quoted."""
    if not resolved:
        return
    paragraph_of = continuity.paragraph_index(resolved[0][1].doc)
    contact: Mention | None = None
    for mention, tok in resolved:
        if mention.type in CONTACT_TYPES:
            contact = mention if mention.date is not None else None
            continue
        if contact is None or mention.type not in ("statement", "agreement"):
            continue
        if mention.type == "statement" and tense_of(tok) == "present":
            continue  # "The UN refugee agency says ...": said now, not in the talks told above
        if paragraph_of(mention.char_start) - paragraph_of(contact.char_start) > CONTACT_PARAGRAPHS:
            contact = None
            continue
        parties = {speaker_key(s) for s in contact.agents + contact.targets if s.label in NAMED}
        named = {speaker_key(s) for s in mention.agents if s.label in NAMED}
        # A named speaker outside the contact ends its account; an agreement is the parties' own.
        if named and not named <= parties and (parties or mention.type != "agreement"):
            contact = None
            continue
        if mention.date is None and id(mention) not in vague and mention.sentence != contact.sentence:
            mention.date, mention.date_text = contact.date, contact.date_text


def _date_reports(resolved: list[tuple[Mention, Token]], vague: set[int], dct: date) -> None:
    """A plain report ("X said ...") with no time of its own nor an account it continues was made by the
    day it was published; habitual or repeated speaking ("has repeatedly called") is not placed in time."""
    timed = {tok.i for mention, tok in resolved if mention.date_text is not None}
    for mention, tok in resolved:
        if mention.type not in REPORTED_TYPES or mention.date is not None or id(mention) in vague:
            continue
        if _not_of_the_day(tok) or (mention.type != "statement" and not _told_outright(tok, timed)):
            continue
        if _circumstance(tok) or _said_in_undated_contact(mention, resolved):
            continue
        mention.date = DateInterval(dct, dct, "day")


def _said_in_undated_contact(mention: Mention, resolved: list[tuple[Mention, Token]]) -> bool:
    """ "Lee told Moreau" after "in a call with Lee" (no day given): what one named party
    told another named party is the call's, whose day this article does not know."""
    if mention.type != "statement" or not mention.agents or not mention.targets:
        return False
    if mention.agents[0].label not in NAMED or mention.targets[0].label not in NAMED:
        return False
    told = {speaker_key(mention.agents[0]), speaker_key(mention.targets[0])}
    return any(
        contact.type in CONTACT_TYPES
        and contact.date is None
        and contact.char_start < mention.char_start
        and told & {speaker_key(s) for s in contact.agents + contact.targets}
        for contact, _ in resolved
    )


def _circumstance(tok: Token) -> bool:
    """ "marched after the mayor announced the closures": a saying told as what came before
    another event, not reported on its own that day."""
    return prior_clause(clause_verb(tok))


def _told_outright(tok: Token, timed: set[int]) -> bool:
    """A happening the report tells as such ("X held a phone conversation with ...", also in a plain
    "..., sources said"): told within words dated otherwise ("told reporters on Monday he expressed ...
    in a call") or as the circumstance of another ("after he spoke with"), it happened some time before."""
    for node in (tok, *tok.ancestors):
        if node.dep_ in EMBEDDED_CLAUSES:
            return False
        if node.dep_ == "ccomp" and node.head.i in timed:
            return False
    return True


def _not_of_the_day(tok: Token) -> bool:
    """ "has repeatedly called", "continues to warn", "then made threats": not one occasion on the day."""
    verb = clause_verb(tok)
    words = {c.lower_ for c in (*verb.children, *tok.children) if c.dep_ in ("advmod", "npadvmod")}
    if words & UNREPORTED_ADVERBS:
        return True
    return verb.lemma_.lower() in ("continue", "keep") and verb.i != tok.i


def _recent(candidates: list[tuple[bool, int, Mention]], paragraph: int, mention: Mention) -> Mention | None:
    """The latest matching candidate within reach; an undated one ends the search (same occasion)."""
    for matches, other_paragraph, other in reversed(candidates):
        if paragraph - other_paragraph > CONTINUATION_PARAGRAPHS:
            return None
        if matches and other.sentence != mention.sentence:
            return other if other.date is not None else None
    return None
