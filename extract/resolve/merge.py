"""Cross-article merging: mentions of one real event -> one Event with every article's Source.

Two mentions are the same event when their types belong to one family, their dates
overlap or lie close enough to be a disagreement, they share canonical participants
(or, for attacks, the place) and their sentences say similar things. Clustering is
greedy, best pair first, and keeps at most one mention per article in a cluster: an
article reports an event once, so a second mention in it is a different event unless
it is the headline or a repeated lede, which are folded in beforehand.

Only pairs that can score above zero are scored, so the cost grows with the number of
mentions, not its square: mentions are blocked by type family, tally flag, each canonical
participant or place, and time bucket, since a pair sharing none of these scores zero.
Each pair is scored once and only scores above zero are kept for when clusters join.
"""

from __future__ import annotations

import re
import struct
import sys
from collections import Counter
from collections.abc import Collection, Iterator
from datetime import date, timedelta
from typing import Any

from eventgraph.extract.events.mention import Mention
from eventgraph.extract.events.summary import summarize
from eventgraph.extract.lexicons.stopwords import CONTENT_STOPWORDS as _STOP
from eventgraph.graph.model import DateInterval, Event, EventType, Source, digest

FAMILY = {
    "rocket_attack": "attack",
    "drone_attack": "attack",
    "missile_attack": "attack",
    "airstrike": "attack",
    "other_attack": "attack",
    "phone_call": "contact",
    "meeting": "contact",
    "visit": "contact",
}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "range": 2, "year": 3}
# Dates this far apart can still be one event told differently ("Sunday" vs "Monday").
DISAGREEMENT_DAYS = 3
MERGE_THRESHOLD = 0.5
# Statements merge only when their contents agree this much (see statement_content).
STATEMENT_CONTENT = 0.55
CONTENT_CUE = 0.1
# How far before its article an undated mention may lie to join a dated event.
UNDATED_REACH_DAYS = 60
# Candidate pairs come from blocks of this many days (see candidate_pairs).
BUCKET_DAYS = 8
# date_agreement accepts a gap of DISAGREEMENT_DAYS + 1 days: two dates widened by half of it meet.
_HALF_GAP = (DISAGREEMENT_DAYS + 2) // 2


class Resolved:
    """A mention whose participants and place are canonical ids, with what merging compares of it.

    Merging reads only these few fields (the sentence and quote as their content words), so the
    full mention may be dropped (``keep=False``) and fetched again by ``ref`` when its event is
    written: a batch of many articles then holds a few hundred bytes per mention, not the mention.
    """

    __slots__ = (
        "_mention",
        "_start",
        "agents",
        "aggregate",
        "date",
        "doc",
        "extra",
        "from_title",
        "place",
        "published",
        "quote_words",
        "ref",
        "speech_act",
        "targets",
        "trigger",
        "type",
        "words",
    )

    def __init__(
        self,
        mention: Mention,
        agents: list[Any],
        targets: list[Any],
        place: str | None,
        published: date | None = None,
        *,
        ref: int = -1,
        keep: bool = True,
    ) -> None:
        self._mention: Mention | None = mention if keep else None
        self.agents = agents
        self.targets = targets
        self.place = place
        self.published = published  # the article's publication date
        self.extra: list[Resolved] = []  # folded same-article duplicates
        self.ref = ref  # where the mention was spilled (-1: not spilled)
        self.doc = mention.doc
        self.type = mention.type
        self.date = mention.date
        self.aggregate = is_tally(mention)
        self.from_title = mention.from_title
        self.trigger = sys.intern(mention.trigger.lower()[:5])
        act = mention.attributes.get("speech_act")
        self.speech_act: object = sys.intern(act) if isinstance(act, str) else act
        self.words = words(mention.sentence)
        quote = mention.attributes.get("quote")
        self.quote_words = words(quote) if isinstance(quote, str) else None
        self._start = mention.char_start

    @property
    def mention(self) -> Mention:
        """The full mention (to_event needs it): kept, or attached again from where it was spilled."""
        if self._mention is None:
            raise LookupError(f"mention {self.ref} of {self.doc} was dropped and not attached again")
        return self._mention

    def attach(self, mention: Mention | None) -> None:
        """Give back the full mention (or drop it again with None)."""
        self._mention = mention

    @property
    def char_start(self) -> int:
        return self._mention.char_start if self._mention is not None else self._start

    @property
    def participants(self) -> set[str]:
        return set(self.agents) | set(self.targets)


def is_tally(m: Mention) -> bool:
    """A count of attacks over a period ("10 rocket attacks since October") is a tally, never one
    event; counted attacks on one day ("two rocket attacks on December 9") are one incident."""
    return bool(m.attributes.get("aggregate")) and not (m.date is not None and m.date.precision == "day")


def family(event_type: str) -> str:
    return FAMILY.get(event_type, event_type)


def words(text: str) -> tuple[str, ...]:
    """The content words of ``text``, once each, interned: a small tuple shares its strings with
    every other mention using those words (a frozenset per sentence weighs several times more)."""
    found = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
    return tuple(sorted({sys.intern(w) for w in found if w not in _STOP and len(w) > 2}))


def overlap(wa: Collection[str], wb: Collection[str]) -> float:
    """Share of the shorter word set found in the other one (0 when either is empty)."""
    if not wa or not wb:
        return 0.0
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    found = large if isinstance(large, (set, frozenset)) else set(large)
    return sum(w in found for w in small) / len(small)


def date_agreement(a: DateInterval | None, b: DateInterval | None) -> float | None:
    """1 when the dates overlap or one is missing, a small value for a near miss, None when they exclude."""
    if a is None or b is None:
        return 0.5
    if a.overlaps(b):
        return 1.0
    gap = (b.start - a.end) if a.end < b.start else (a.start - b.end)
    return 0.2 if gap <= timedelta(days=DISAGREEMENT_DAYS + 1) else None


def pair_score(a: Resolved, b: Resolved) -> float:
    """How strongly two mentions from different articles look like one event (0 = never)."""
    if family(a.type) != family(b.type) or a.aggregate != b.aggregate:
        return 0.0
    dates = date_agreement(a.date, b.date)
    if dates is None or not (_plausible(a, b.date) and _plausible(b, a.date)):
        return 0.0
    if a.place and b.place and a.place != b.place and family(a.type) == "attack":
        return 0.0
    shared = a.participants & b.participants
    same_place = bool(a.place and a.place == b.place)
    if not shared and not (same_place and not (a.agents and b.agents)):
        return 0.0
    union = a.participants | b.participants
    agents = set(a.agents) & set(b.agents)
    text = overlap(a.words, b.words)
    if a.quote_words is not None and b.quote_words is not None:
        text = max(text, overlap(a.quote_words, b.quote_words))
    score = 0.3 * (len(shared) / len(union) if union else 0.0) + 0.15 * bool(agents)
    place_weight = 0.3 if family(a.type) == "attack" and dates == 1.0 else 0.1
    score += 0.35 * text + 0.15 * dates + 0.1 * (a.type == b.type) + place_weight * same_place
    if a.type == "statement" and b.type == "statement":
        score += 0.05 if a.speech_act == b.speech_act else -0.05
        if statement_content(a, b, text) < STATEMENT_CONTENT:
            return 0.0  # a speaker says many things on one day: what is said must agree too
    return score


def statement_content(a: Resolved, b: Resolved, text: float) -> float:
    """How alike two statements' contents are: their words (sentence or quote), plus agreement of the
    speech act, the speech verb and the addressee. Same speaker and day alone is not enough."""
    same_act = a.speech_act == b.speech_act
    same_verb = a.trigger == b.trigger
    same_target = bool(set(a.targets) & set(b.targets))
    return text + CONTENT_CUE * (same_act + same_verb + same_target)


def _plausible(item: Resolved, other: DateInterval | None) -> bool:
    """An undated mention can only be an event from before its article and not long before it."""
    if item.date is not None or other is None or item.published is None:
        return True
    return other.start <= item.published and (item.published - other.end).days <= UNDATED_REACH_DAYS


def fold_duplicates(items: list[Resolved]) -> list[Resolved]:
    """Within one article, fold the headline and repeated ledes into the body mention they repeat.

    A duplicate shares the type, tally flag and a participant with its host, so hosts are looked
    up by those (a long article has thousands of mentions); the first fitting host wins.
    """
    out: list[Resolved] = []
    hosts: dict[tuple[str, bool, str], set[int]] = {}  # positions in out
    for item in sorted(items, key=lambda r: (r.from_title, r.char_start)):
        head = (item.type, item.aggregate)
        near = sorted({n for p in item.participants for n in hosts.get((*head, p), ())})
        position = next((n for n in near if _duplicate(out[n], item)), None)
        if position is None:
            position = len(out)
            out.append(item)
        else:
            host = out[position]
            host.extra.append(item)
            for aid in item.agents:
                if aid not in host.agents:
                    host.agents.append(aid)
            for aid in item.targets:
                if aid not in host.targets:
                    host.targets.append(aid)
            host.place = host.place or item.place
        for p in out[position].participants:
            hosts.setdefault((*head, p), set()).add(position)
    return out


def _duplicate(host: Resolved, item: Resolved) -> bool:
    a, b = host, item
    if a.doc != b.doc or a.type != b.type or a.aggregate != b.aggregate:
        return False
    if date_agreement(a.date, b.date) != 1.0 or not (host.participants & item.participants):
        return False
    text = overlap(a.words, b.words)
    return text >= 0.8 or (b.from_title and text >= 0.3)


def cluster(items: list[Resolved], keys: list[int] | None = None) -> list[list[Resolved]]:
    """Greedy best-first clustering with at most one mention per article in a cluster. ``keys``, when
    given, receives each cluster's key unit (the order of the clusters; eventgraph.spark needs it)."""
    by_doc: dict[str, list[Resolved]] = {}
    for item in items:
        by_doc.setdefault(item.doc, []).append(item)
    units = [u for doc in sorted(by_doc) for u in fold_duplicates(by_doc[doc])]
    n = len(units)
    # Only pairs that can merge are kept: a pair missing here scores 0, which bars its clusters from
    # joining. Large batches score hundreds of thousands of pairs, so a pair is one int in a set,
    # and one int in a list when it may merge, packed so that ints sort as (-score, i, j) do.
    positive: set[int] = set()
    ranked: list[int] = []
    for i, j in candidate_pairs(units):
        score = pair_score(units[i], units[j])
        if score > 0:
            positive.add(i * n + j)
            if score >= MERGE_THRESHOLD:
                ranked.append(_ranked(score, i, j))
    ranked.sort()
    owner = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for key in ranked:
        i, j = (key >> 32) & _LOW, key & _LOW
        ci, cj = owner[i], owner[j]
        if ci == cj:
            continue
        left, right = members[ci], members[cj]
        if {units[k].doc for k in left} & {units[k].doc for k in right}:
            continue
        if any((x * n + y if x < y else y * n + x) not in positive for x in left for y in right):
            continue
        for k in right:
            owner[k] = ci
        left.extend(right)
        del members[cj]
    if keys is not None:
        keys.extend(sorted(members))
    return [[units[k] for k in sorted(ks)] for _, ks in sorted(members.items())]


_LOW = (1 << 32) - 1
_TOP = (1 << 63) - 1


def _ranked(score: float, i: int, j: int) -> int:
    """(score, i, j) as one int that sorts as (-score, i, j): a positive float's IEEE bits sort as it does."""
    bits: int = struct.unpack("<q", struct.pack("<d", score))[0]
    return ((_TOP - bits) << 64) | (i << 32) | j


def candidate_pairs(units: list[Resolved]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) from different articles that share a block, each pair once: the type
    family and tally flag, a canonical participant or the place, and a time bucket. pair_score is 0
    for every other pair except two undated mentions from articles published more than about
    UNDATED_REACH_DAYS apart (see time_window), which are no longer compared."""
    blocks: dict[tuple[str, bool, str, int], list[int]] = {}
    timeless: dict[tuple[str, bool, str], list[int]] = {}  # neither date nor publication date
    everyone: dict[tuple[str, bool, str], list[int]] = {}
    keys: list[list[str]] = []
    first_bucket: dict[int, int] = {}  # of the units with a time window
    for i, unit in enumerate(units):
        head = (family(unit.type), unit.aggregate)
        own = sorted({"p:" + p for p in unit.participants} | ({"l:" + unit.place} if unit.place else set()))
        keys.append(own)
        window = time_window(unit)
        if window is not None:
            first_bucket[i] = window[0] // BUCKET_DAYS
        for k in own:
            everyone.setdefault((*head, k), []).append(i)
            if window is None:
                timeless.setdefault((*head, k), []).append(i)
                continue
            for bucket in range(window[0] // BUCKET_DAYS, window[1] // BUCKET_DAYS + 1):
                blocks.setdefault((*head, k, bucket), []).append(i)

    def first_shared_key(i: int, j: int) -> str:
        return min(set(keys[i]).intersection(keys[j]))

    for (_, _, k, bucket), block in blocks.items():
        for n, i in enumerate(block):
            for j in block[n + 1 :]:
                # A pair shares every bucket from the later of their first buckets on: count it there.
                if (
                    units[i].doc != units[j].doc
                    and bucket == max(first_bucket[i], first_bucket[j])
                    and k == first_shared_key(i, j)
                ):
                    yield (i, j) if i < j else (j, i)
    for (f, agg, k), alone in timeless.items():
        for i in alone:
            for j in everyone[(f, agg, k)]:
                if j == i or units[i].doc == units[j].doc or (j not in first_bucket and j < i):
                    continue
                if k == first_shared_key(i, j):
                    yield (i, j) if i < j else (j, i)


def time_window(unit: Resolved) -> tuple[int, int] | None:
    """Days (ordinals) a mention's partner must come near: its date widened by half the
    disagreement allowance on each side (two such windows meet when pair_score's dates can agree);
    for an undated mention, the UNDATED_REACH_DAYS before its article. None: no time at all."""
    d = unit.date
    if d is not None:
        return d.start.toordinal() - _HALF_GAP, d.end.toordinal() + _HALF_GAP
    if unit.published is not None:
        return unit.published.toordinal() - UNDATED_REACH_DAYS, unit.published.toordinal()
    return None


def confidence(group: list[Resolved], date: DateInterval | None) -> float:
    """Noisy-OR over the sources of each source's trigger confidence (headline-only mentions count
    0.6 of theirs), scaled by the evidence of the whole event: 1.0 for a day-precise date, 0.95 for
    week/month/range, 0.85 when undated; 1.0 when an agent is named, 0.85 when not.
    Clipped to [0.05, 0.99]."""
    miss = 1.0
    for item in group:
        c = item.mention.confidence * (0.6 if item.mention.from_title else 1.0)
        miss *= 1.0 - min(max(c, 0.0), 0.95)
    date_factor = 1.0 if date and date.precision == "day" else 0.95 if date else 0.85
    agent_factor = 1.0 if any(item.agents for item in group) else 0.85
    return round(min(0.99, max(0.05, (1.0 - miss) * date_factor * agent_factor)), 3)


def best_date(group: list[Resolved]) -> tuple[DateInterval | None, bool]:
    """The date most sources give (then the most precise, then the earliest); disputed when dated
    sources disagree."""
    dates = [item.mention.date for item in group if item.mention.date is not None]
    if not dates:
        return None, False
    counts = Counter(dates)
    best = min(counts, key=lambda d: (-counts[d], PRECISION_RANK.get(d.precision, 4), d.start, d.end))
    disputed = len(counts) > 1 and any(not best.overlaps(d) or d != best for d in dates)
    return best, disputed


def to_event(
    group: list[Resolved], names: dict[str, str], taken: set[str], place_names: dict[str, str]
) -> Event:
    """One Event from a cluster: union of participants, the best-supported date, one Source per article."""
    date, disputed = best_date(group)
    event_type: EventType = Counter(r.mention.type for r in group).most_common(1)[0][0]  # type: ignore[assignment]
    agents = _union(r.agents for r in group)
    targets = [t for t in _union(r.targets for r in group) if t not in agents]
    places = Counter(r.place for r in group if r.place)
    place = places.most_common(1)[0][0] if places else None
    attributes: dict[str, Any] = {}
    for item in sorted(group, key=lambda r: r.mention.doc):
        for k, v in item.mention.attributes.items():
            if v is not None:
                attributes.setdefault(k, v)
    if disputed:
        attributes["date_claims"] = [
            {"doc": r.mention.doc, "date": r.mention.date.to_json(), "date_text": r.mention.date_text}
            for r in group
            if r.mention.date is not None
        ]
    base = digest(event_type, date.start.isoformat() if date else "", *sorted(agents + targets))
    event_id = "evt_" + base
    if event_id in taken:
        first = min(group, key=lambda r: (r.mention.doc, r.mention.char_start)).mention
        event_id = "evt_" + digest(base, first.doc, str(first.char_start))
    taken.add(event_id)
    sources = [
        Source(
            r.mention.doc,
            r.mention.sentence,
            r.mention.char_start,
            r.mention.char_end,
            r.mention.date_text,
            r.mention.date,
        )
        for r in sorted(group, key=lambda r: (r.mention.doc, r.mention.char_start))
    ]
    return Event(
        id=event_id,
        type=event_type,
        date=date,
        agents=agents,
        targets=targets,
        place=place,
        attributes=attributes,
        confidence=confidence(group, date),
        disputed=disputed,
        summary=summarize(
            event_type,
            [names.get(a, a) for a in agents],
            [names.get(t, t) for t in targets],
            place_names.get(place) if place else None,
            attributes,
        ),
        sources=sources,
    )


def _union(lists: Any) -> list[str]:
    out: list[str] = []
    for ids in lists:
        out.extend(i for i in ids if i not in out)
    return out
