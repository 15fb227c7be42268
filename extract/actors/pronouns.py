"""Pronouns -> the actor the text last spoke of; quoted speech is skipped."""

from __future__ import annotations

from eventgraph.extract.actors.article import Article
from eventgraph.extract.actors.model import DocActor
from eventgraph.extract.events.mention import Span


def person_pronoun(article: Article, span: Span) -> DocActor | None:
    """He/she -> the person the text last spoke of: same sentence first, else the nearest
    earlier sentence, preferring its grammatical subject; quoted speech is skipped."""
    people = [
        p for p in article.people if p[1] <= span.start and not article.quoted(p[0]) and not p[2].anonymous
    ]
    people += [
        p for p in article.people if p[1] <= span.start and p[2].anonymous and not article.quoted(p[0])
    ]
    people.sort(key=lambda p: p[0])
    if not people:
        return None
    sent = article.sentence_start(span.start)
    same = [p for p in people if p[0] >= sent]
    if same:
        return same[-1][2]
    last_sent = article.sentence_start(people[-1][0])
    group = [p for p in people if article.sentence_start(p[0]) == last_sent]
    subjects = [p for p in group if article.is_subject(p[0], p[1])]
    return (subjects or group)[-1][2]


def collective_pronoun(article: Article, span: Span, *, plural: bool) -> DocActor | None:
    """ "they"/"their" -> the last group (or plural organisation) the text spoke of, "it"/"its" ->
    the last organisation or state; same sentence first, else the previous one, preferring its
    subject. Quoted speech is skipped; nothing further back is taken."""

    def fits(actor: DocActor) -> bool:
        if plural:
            return actor.kind == "group" or (actor.kind in ("org", "gpe") and actor.name.endswith("s"))
        return actor.kind in ("org", "gpe", "media") and not actor.name.endswith("s")

    named = [(n.start, n.end, n.actor) for n in article.named if not n.possessive or not plural]
    cands = sorted(
        (
            c
            for c in [*named, *article.others]
            if c[1] <= span.start and fits(c[2]) and not article.quoted(c[0])
        ),
        key=lambda c: c[0],
    )
    if not cands:
        return None
    sent = article.sentence_start(span.start)
    same = [c for c in cands if c[0] >= sent]
    if same:
        return same[-1][2]
    previous = article.sentence_start(max(0, sent - 2))
    group = [c for c in cands if previous <= c[0] < sent]
    subjects = [c for c in group if article.is_subject(c[0], c[1])]
    return (subjects or group)[-1][2] if group else None
