"""Titles next to a person's name become that person's roles, with the organisation or state.

"US Defense Secretary Mark Esper" (title before the name) and "Mark Esper, the US Secretary
of Defense" (title in apposition after it) both give Esper the role Secretary of Defense of the US.
"""

from __future__ import annotations

import re

from eventgraph.extract.actors.article import Article
from eventgraph.extract.actors.model import DocActor, Named
from eventgraph.extract.actors.names import org_kind
from eventgraph.extract.lexicons.folding import fold
from eventgraph.extract.lexicons.roles import ROLE_QUALIFIERS, role_lookup, role_pattern
from eventgraph.extract.lexicons.titles import RANKS

_TRAILING_RANK = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(r) for r in sorted(RANKS, key=len, reverse=True)) + r")\s*)+$"
)
_ORG_AFTER = re.compile(
    r"\s*(?:at|of|for|with)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+(?:of|for|the|and|[A-Z][\w'’-]*))*)"
)


def add_roles(article: Article) -> None:
    """Give every named person the titles written next to their name."""
    for named in article.named:
        if named.actor.kind == "person":
            _add_roles(article, named)


def _add_roles(article: Article, named: Named) -> None:
    for role, org in (_role_before(article, named.start), _role_after(article, named.end)):
        if role and (role, org) not in named.actor.roles:
            named.actor.roles.append((role, org))


def _role_before(article: Article, start: int) -> tuple[str | None, DocActor | None]:
    lo = article.sentence_start(start)
    pre = _TRAILING_RANK.sub("", article.low[lo:start].rstrip())
    pre = pre.rstrip(" ,")
    hits = [m for m in role_pattern().finditer(pre) if m.end() == len(pre)]
    if not hits:
        return None, None
    m = hits[-1]
    phrase_start = lo + _phrase_start(article, lo, pre, m.start())
    return role_lookup()[m.group(1)], _org_in(article, phrase_start, lo + m.end(), prefer_after=lo + m.end())


def _role_after(article: Article, end: int) -> tuple[str | None, DocActor | None]:
    low = article.low
    m = re.match(r"\s*,\s*(?:the |a |an )?", low[end : end + 4])
    if not m:
        return None, None
    lo = end + m.end()
    stop = re.search(r"[,;.(]\s|\bwho\b|\bwhere\b|\bwhich\b|\n", low[lo : lo + 160])
    hi = lo + (stop.start() if stop else min(160, len(low) - lo))
    phrase = low[lo:hi]
    role = next(iter(role_pattern().finditer(phrase)), None)
    if role is None or len(phrase[: role.start()].split()) > 5:
        return None, None
    return role_lookup()[role.group(1)], _org_in(article, lo, hi, prefer_after=lo + role.end())


def _phrase_start(article: Article, lo: int, pre: str, role_start: int) -> int:
    """Back over up to four modifier words of a title ("Iraq's acting", "US", "Pentagon")."""
    start = role_start
    for w in reversed(list(re.finditer(r"\S+", pre[:role_start]))[-4:]):
        word = w.group(0)
        if word in ROLE_QUALIFIERS or article.text[lo + w.start()].isupper():
            start = w.start()
        else:
            break
    return start


def _org_in(article: Article, lo: int, hi: int, prefer_after: int) -> DocActor | None:
    """The organisation or state of a title: one named in the phrase, else "of/at <Name>" after it."""
    inside = [n for n in article.named if lo <= n.start and n.end <= hi and n.actor.kind != "person"]
    if not inside:
        m = _ORG_AFTER.match(article.text, prefer_after, hi)
        if m is None:
            return None
        name = re.sub(r"(?:\s+(?:of|for|the|and))+$", "", m.group(1))
        return article.actor(f"{org_kind(name)}:{fold(name)}", org_kind(name), name)
    after = [n for n in inside if n.start >= prefer_after and not n.possessive]
    return (after or inside)[0 if after else -1].actor
