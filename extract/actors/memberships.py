"""Memberships: named groups listed as members of a group get the role "member" in it.

"Iranian-backed militias, including A and B", "<groups> such as A" (members after the cue);
"A, one of the <groups>", "A and B, among the <groups>", "A, a member of <group>" (before it).
"""

from __future__ import annotations

import re

from eventgraph.extract.actors.article import Article
from eventgraph.extract.actors.descriptions import BACKED, backed_group, descriptor, militia
from eventgraph.extract.actors.model import DocActor, Named
from eventgraph.extract.events.mention import Span
from eventgraph.extract.lexicons.descriptors import CONTAINER_HEADS
from eventgraph.extract.lexicons.function_words import NOT_MODIFIERS

# The look-behinds start a match only where a whitespace run begins: blanked-out page furniture
# leaves long runs of spaces, and a leading \s+ tried at every position of a run is quadratic.
_MEMBERS_AFTER = re.compile(r"(?:,|(?<![\s,]))\s+(?:including|such as)\s+")
_MEMBERS_BEFORE = re.compile(
    r"(?<!\s)\s*,\s*(?:among|one of|(?:a|an|the)?\s*(?:members?|parts?|factions?|units?) of|part of)\s+"
)
# Possessive \s*+ / \s++: a \s* that may give back space to a following \s+ is quadratic on long runs.
_LIST_GAP = re.compile(r"\s*+,\s*(?:and\s+|or\s+)?|\s++and\s+|\s++or\s+")


def add_memberships(article: Article) -> None:
    """Named groups listed as members of a group ("Iranian-backed militias, including A and B",
    "A, one of the Iran-backed militias") get the role "member" in it; the group is the actor the
    same description resolves to elsewhere in the article (sponsor-keyed for backed militias)."""
    members = [n for n in article.named if n.actor.kind in ("org", "group") and not n.possessive]
    by_start = {n.start: n for n in members}
    by_end = {n.end: n for n in members}
    for m in _MEMBERS_AFTER.finditer(article.low):
        group = _container_before(article, m.start())
        if group is not None:
            _join(group, _listed(article, by_start, by_end, m.end(), forward=True))
    for m in _MEMBERS_BEFORE.finditer(article.low):
        listed = _listed(article, by_start, by_end, m.start(), forward=False)
        group = _container_after(article, m.end()) if listed else None
        if group is not None:
            _join(group, listed)


def _listed(
    article: Article, by_start: dict[int, Named], by_end: dict[int, Named], pos: int, *, forward: bool
) -> list[Named]:
    """Named organisations in a list ("A, B and C") starting at ``pos`` or ending there."""
    low = article.low
    out: list[Named] = []
    while True:
        if forward:
            skip = 4 if low.startswith("the ", pos) else 0  # "the X" with "the" left out of X
            named = by_start.get(pos) or by_start.get(pos + skip)
        else:
            named = by_end.get(pos)
        if named is None:
            return out
        out.append(named)
        if forward:
            gap = _LIST_GAP.match(low, named.end)
            if gap is None:
                return out
            pos = gap.end()
        else:
            before = low[max(0, named.start - 12) : named.start]
            back = re.search(r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?$", before)
            if back is None:
                return out
            pos = named.start - len(back.group(0))


def _container_before(article: Article, end: int) -> DocActor | None:
    """The group described just before ``end`` ("Iranian-sponsored militias", "the Popular
    Mobilization Forces", "Sahel jihadist groups"), or None when the words there name no group."""
    lo = max(article.sentence_start(end), end - 120)
    clause = re.split(r"[,;:(\n]", article.low[lo:end])[-1]
    return _container(article, end - len(clause), end)


def _container_after(article: Article, start: int) -> DocActor | None:
    """The group named from ``start`` to the end of its phrase ("the Iran-backed militias, ...")."""
    low = article.low
    stop = re.search(r"[,;:.()\n]|\s(?:who|which|that|and|in|on|at|since|after)\s", low[start : start + 120])
    return _container(article, start, start + (stop.start() if stop else min(120, len(low) - start)))


def _container(article: Article, lo: int, hi: int) -> DocActor | None:
    """A group description ending at ``hi``: a named organisation, a sponsored militia, or a
    plural group noun with up to three modifiers (resolved as the same words are elsewhere)."""
    text = article.low[lo:hi].rstrip()
    hi = lo + len(text)
    named = [n for n in article.named if lo <= n.start and n.end <= hi and n.actor.kind in ("org", "group")]
    if named and named[-1].end == hi:
        return named[-1].actor
    words = list(re.finditer(r"[\w'-]+", text))
    if not words or words[-1].group(0) not in CONTAINER_HEADS:
        return None
    backed = [m for m in BACKED.finditer(text) if m.end() == len(text)]
    if backed:
        return backed_group(article, backed[-1])
    first = len(words) - 1
    while first > 0 and len(words) - first <= 3 and words[first - 1].group(0) not in NOT_MODIFIERS:
        first -= 1
    start = lo + words[first].start()
    if first > 0 and words[first - 1].group(0) in ("the", "its", "their"):
        start = lo + words[first - 1].start()
    phrase = article.low[start:hi]
    span = Span(article.text[start:hi], start, hi, "NOUN")
    return militia(article, phrase) or descriptor(article, span, phrase)


def _join(group: DocActor, members: list[Named]) -> None:
    for named in members:
        member = named.actor
        if member is group:
            continue
        if member.kind == "org" and group.kind == "group" and not member.key.startswith("canon:"):
            member.kind = "group"  # a named member of an armed group is one too
        if ("member", group) not in member.roles:
            member.roles.append(("member", group))
