"""The time a mention's report gives it when the mention has no timex of its own.

News attributes what it tells ("..., officials said on Tuesday"), opens sentences with a date that
covers all they tell ("On 7 May, ...; police fired ..."), moves on "Hours later," and says "overnight"
of the night before its report: these rules read that wording around the mention, apart from the
parse-attachment rules of ``dating``.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from eventgraph.extract.events.mention import Mention
from eventgraph.extract.lexicons.mood import UNREPORTED_ADVERBS
from eventgraph.extract.lexicons.speech import ACCOUNT_VERBS, SOURCING_VERBS, SPEECH_VERBS
from eventgraph.extract.lexicons.time import SAME_DAY_OPENERS
from eventgraph.extract.temporal.intervals import resolve
from eventgraph.extract.temporal.timex_types import Timex
from eventgraph.graph.model import DateInterval

# Verbs that attribute news told before them: "..., officials said on Tuesday".
REPORT_VERBS = SOURCING_VERBS | ACCOUNT_VERBS | frozenset({"announce"})
# What may stand before a date that opens a sentence: "On 7 May, ...", "Late on Sunday, ...".
OPENING_PREPOSITION = re.compile(
    r"\s*(?:(?:early|late|later|earlier)\s+)?(?:on|in|at|during|by)?\s*", re.IGNORECASE
)
# Subordinators of a clause that tells what came before the main one.
PRIOR_MARKS = frozenset({"after", "since", "once"})


def same_day(
    mention: Mention, earlier: list[tuple[Mention, Token]], timexes: list[Timex], dct: date | None
) -> tuple[Timex, DateInterval] | None:
    """ "Hours later, warplanes struck ...", "Early in the day, ...": a sentence opening so happened on
    the day the text last named before it (the attribution after the news it opens is not)."""
    if dct is None or not SAME_DAY_OPENERS.match(mention.sentence):
        return None
    if mention.type == "statement" and any(o.char_start == mention.char_start for o, _ in earlier):
        return None  # "..., the TV reported": the report of the news the opener places
    before = [
        t for t in timexes if t.end <= mention.char_start and t.type in ("DATE", "TIME") and not t.relation
    ]
    interval = resolve(before[-1], dct, "past") if before else None
    if interval is None or interval.precision != "day":
        return None
    return before[-1], interval


def overnight_of_report(resolved: list[tuple[Mention, Token]]) -> None:
    """ "Guards arrested two men overnight, she said": the night before the day of the report
    that tells it, once that report is dated, by its own date or, for "he said", by the dated statement
    it continues."""
    statements = [m for m, _ in resolved if m.type == "statement"]
    for mention, tok in resolved:
        if mention.date_text != "overnight" or mention.date is None:
            continue
        day = _report_day(mention, tok, statements)
        if day is not None and day < mention.date.end:
            mention.date = DateInterval(date.fromordinal(day.toordinal() - 1), day, "range")


def _report_day(mention: Mention, tok: Token, statements: list[Mention]) -> date | None:
    """The day of the report that attributes the mention's sentence after it ("..., he said")."""
    told = [m for m in statements if m.sentence == mention.sentence and m.trigger_start > tok.idx]
    if told:
        return told[0].date.start if told[0].date is not None and told[0].date.precision == "day" else None
    verbs = [t for t in tok.sent if t.i > tok.i and t.lemma_.lower() in REPORT_VERBS and t.pos_ == "VERB"]
    if not verbs or not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verbs[0].children):
        return None
    earlier = [m for m in statements if m.char_start < mention.char_start and m.date is not None]
    if not earlier or earlier[-1].date is None or earlier[-1].date.precision != "day":
        return None
    return earlier[-1].date.start


def prior_clause(verb: Token) -> bool:
    """An "after"/"since" clause: what it tells came before its main clause."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in PRIOR_MARKS for c in verb.children)


def fronted_report_timexes(tok: Token, attached: dict[int, list[Timex]]) -> list[Timex]:
    """ "Four bandits were shot, police said on 9 June" (or "..., according to a statement
    released on 14 August"): news told first and attributed after
    is the news of the report's day, so it has the dated report's timexes (what the report says "had"
    happened, or tells in an "after" clause, lies before it)."""
    path = [tok]
    while path[-1].head.i != path[-1].i and len(path) < 12:
        node = path[-1]
        head = node.head
        if node.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in REPORT_VERBS and head.i > tok.i:
            if head.i not in attached or any(pluperfect(n) or _not_news(n) or prior_clause(n) for n in path):
                return []
            return attached[head.i]
        if node.dep_ in ("relcl", "acl"):
            return []  # "the rebels, who attacked the town, were arrested": a participant's own past
        if head.lemma_.lower() in REPORT_VERBS and head.pos_ == "VERB":
            return []  # inside another report
        path.append(head)
    return _according_to(tok, path, attached)


def _according_to(tok: Token, path: list[Token], attached: dict[int, list[Timex]]) -> list[Timex]:
    """ "Rebels attacked the convoy, according to a statement released Tuesday": the source's date."""
    if any(pluperfect(n) or _not_news(n) or prior_clause(n) for n in path):
        return []
    on_path = {n.i for n in path}
    for word in (t for t in tok.sent if t.i > tok.i and t.lower_ == "according" and t.head.i in on_path):
        for node in word.subtree:
            if node.i in attached:
                return attached[node.i]
    return []


def sentence_opening(mention: Mention, tok: Token, timexes: list[Timex]) -> list[Timex]:
    """ "On 2 June, farmers blocked highways; troops used water cannon, injuring 5": a date opening the
    sentence dates all it tells, whatever the parser hung it from, but not what someone is said to have
    done, what had happened before, a participant's relative clause or a habit."""
    opening = [t for t in timexes if mention.char_start <= t.start and t.end <= mention.char_end]
    if not opening or tok.idx < opening[0].end:
        return []
    first = opening[0]
    text = tok.doc.text
    if not OPENING_PREPOSITION.fullmatch(text[mention.char_start : first.start]):
        return []
    if not text[first.end : first.end + 2].lstrip().startswith(","):
        return []
    for node in (tok, *tok.ancestors):
        if pluperfect(node) or _not_news(node) or node.dep_ in ("relcl", "acl"):
            return []
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_.lower() in SPEECH_VERBS:
            return []
    return [first]


def _not_news(verb: Token) -> bool:
    """ "have repeatedly attacked", "often attack", "since the war began, have killed": habitual or
    aggregate, not the report's news of the day."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ in ("VBP", "VBZ") or any(c.lower_ in UNREPORTED_ADVERBS for c in verb.children):
        return True
    return any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "since" for g in c.children)
        for c in verb.children
    )


def pluperfect(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children
    )


def dated_attributions(
    doc: Doc, attached: dict[int, list[Timex]], trigger_ids: set[int], dct: date | None
) -> list[tuple[Mention, Token]]:
    """Dated reporting verbs that are no statement of their own ("..., the group said Wednesday"), as
    statements for the speaker's next words to continue."""
    if dct is None:
        return []
    out = []
    for i, timexes in attached.items():
        verb = doc[i]
        if i in trigger_ids or verb.lemma_.lower() not in REPORT_VERBS or verb.pos_ != "VERB":
            continue
        for timex in timexes:
            interval = resolve(timex, dct, "past") if timex.relation is None else None
            if interval is not None:
                sent = verb.sent
                report = Mention(
                    doc="",
                    type="statement",
                    trigger=verb.text,
                    trigger_start=verb.idx,
                    sentence=sent.text,
                    char_start=sent.start_char,
                    char_end=sent.end_char,
                    date=interval,
                    date_text=timex.text,
                )
                out.append((report, verb))
                break
    return out
