"""The event JSONL of docs/formats.md §2, both ways.

Each line is self-contained: besides the contract fields it carries what a
store needs to rebuild the graph (actor aliases and affiliations, article
metadata, CAMEO/PLOVER codes), so ``eventgraph load`` and the embedded store's
file both read the same format.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from eventgraph.graph.event_line import ActorLine, ArticleLine, DateLine, EventLine, OrgLine, parse_line
from eventgraph.graph.model import (
    Actor,
    Affiliation,
    Article,
    Batch,
    DateInterval,
    Event,
    Place,
    Source,
    cameo_plover,
)

ATTRIBUTE_KEYS = ("speech_act", "weapon", "count", "casualties", "killed", "wounded")


def _date(d: DateInterval | None) -> dict[str, str] | None:
    return d.to_json() if d else None


def _actor_ref(
    actor: Actor,
    batch_affiliations: dict[str, list[Affiliation]],
    actors: dict[str, Actor],
    held_in: dict[str, list[Affiliation]] | None = None,
) -> dict[str, Any]:
    ref: dict[str, Any] = {"id": actor.id, "name": actor.name, "kind": actor.kind}
    if actor.aliases:
        ref["aliases"] = actor.aliases
    links = []
    for aff in batch_affiliations.get(actor.id, []):
        org = actors.get(aff.org)
        if org:
            links.append({"role": aff.role, "org": {"id": org.id, "name": org.name, "kind": org.kind}})
    if links:
        ref["affiliations"] = links
    holders = [
        {"role": aff.role, "actor": _actor_ref(actors[aff.actor], {}, actors)}
        for aff in (held_in or {}).get(actor.id, [])
        if aff.actor in actors
    ]
    if holders:
        ref["held_by"] = holders
    return ref


def event_rows(batch: Batch) -> Iterator[dict[str, Any]]:
    """One docs/formats.md event object per event of the batch."""
    actors = {a.id: a for a in batch.actors}
    places = {p.id: p for p in batch.places}
    articles = {a.id: a for a in batch.articles}
    affiliations: dict[str, list[Affiliation]] = {}
    for aff in batch.affiliations:
        affiliations.setdefault(aff.actor, []).append(aff)
    # Roles held in a participant by actors in no event ("A, a member of <group>"): carried on the
    # participant as "held_by", since no line names the holder.
    participants = {a for ev in batch.events for a in (*ev.agents, *ev.targets)}
    held_in: dict[str, list[Affiliation]] = {}
    for aff in batch.affiliations:
        if aff.actor not in participants:
            held_in.setdefault(aff.org, []).append(aff)
    for ev in batch.events:
        place = places.get(ev.place) if ev.place else None
        attributes = {key: None for key in ATTRIBUTE_KEYS} | ev.attributes
        cameo, plover = cameo_plover(ev.type, ev.speech_act)
        sources = []
        for src in ev.sources:
            art = articles.get(src.doc)
            row: dict[str, Any] = {
                "doc": art.name if art and art.name else src.doc,
                "doc_id": src.doc,
                "sentence": src.sentence,
                "char_start": src.char_start,
                "char_end": src.char_end,
                "date_text": src.date_text,
                "date": _date(src.date),
            }
            if art:
                row["article"] = {
                    "title": art.title,
                    "publisher": art.publisher,
                    "url": art.url,
                    "published": art.published.isoformat() if art.published else None,
                }
            sources.append(row)
        yield {
            "id": ev.id,
            "type": ev.type,
            "date": _date(ev.date),
            "agents": [
                _actor_ref(actors[a], affiliations, actors, held_in) for a in ev.agents if a in actors
            ],
            "targets": [
                _actor_ref(actors[a], affiliations, actors, held_in) for a in ev.targets if a in actors
            ],
            "location": (
                {
                    "id": place.id,
                    "name": place.name,
                    "lat": place.lat,
                    "lon": place.lon,
                    "country": place.country,
                    "precision": place.precision,
                    "admin1": place.admin1,
                    "admin2": place.admin2,
                    "gazetteer_name": place.gazetteer_name,
                }
                if place
                else None
            ),
            "attributes": attributes,
            "confidence": round(ev.confidence, 3),
            "disputed": ev.disputed,
            "summary": ev.summary,
            "cameo": cameo,
            "plover": plover,
            "sources": sources,
        }


def dumps_rows(batch: Batch) -> Iterator[str]:
    for row in event_rows(batch):
        yield json.dumps(row, ensure_ascii=False)


def _parse_actor(ref: OrgLine, batch: Batch, seen: dict[str, Actor]) -> str:
    aliases = list(ref.aliases or []) if isinstance(ref, ActorLine) else []
    actor = Actor(id=ref.id, name=ref.name, kind=ref.kind or "org", aliases=aliases)
    known = seen.get(actor.id)
    if known is None:
        seen[actor.id] = actor
        batch.actors.append(actor)
    else:  # first met as an organisation reference, which carries no aliases
        known.aliases.extend(a for a in aliases if a not in known.aliases)
    if not isinstance(ref, ActorLine):
        return actor.id
    for link in ref.affiliations or []:
        org_id = _parse_actor(link.org, batch, seen)
        batch.affiliations.append(Affiliation(actor.id, org_id, link.role or ""))
    for held in ref.held_by or []:
        holder_id = _parse_actor(held.actor, batch, seen)
        batch.affiliations.append(Affiliation(holder_id, actor.id, held.role or ""))
    return actor.id


def batch_from_rows(
    lines: Iterable[str], *, name: str = "<events>", first_line: int = 1
) -> tuple[Batch, list[str]]:
    """Rebuild a batch from event JSONL; lines that fail graph.event_line's validation are skipped
    and reported (file and line number), so nothing the API cannot serve reaches a store."""
    batch = Batch()
    problems: list[str] = []
    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}
    articles: dict[str, Article] = {}
    affiliation_keys: set[tuple[str, str, str]] = set()
    for n, line in enumerate(lines, first_line):
        if not line.strip():
            continue
        try:
            row = parse_line(line)
        except ValueError as exc:
            problems.append(f"{name}:{n}: skipped: {exc}")
            continue
        batch.events.append(_parse_event(row, batch, actors, places, articles))
    unique = []
    for aff in batch.affiliations:
        key = (aff.actor, aff.org, aff.role)
        if key not in affiliation_keys:
            affiliation_keys.add(key)
            unique.append(aff)
    batch.affiliations = unique
    return batch, problems


def _interval(line: DateLine | None) -> DateInterval | None:
    if line is None:
        return None
    return DateInterval(line.start, line.end or line.start, line.precision or "day")


def _parse_event(
    row: EventLine,
    batch: Batch,
    actors: dict[str, Actor],
    places: dict[str, Place],
    articles: dict[str, Article],
) -> Event:
    """The validated line as model objects; nodes seen for the first time are added to the batch."""
    location = row.location
    place = None
    if location:
        place = location.id
        if place not in places:
            places[place] = Place(
                place,
                location.name,
                location.lat,
                location.lon,
                location.country,
                precision=location.precision,
                admin1=location.admin1,
                admin2=location.admin2,
                gazetteer_name=location.gazetteer_name,
            )
            batch.places.append(places[place])
    sources = []
    for src in row.sources:
        name = src.doc
        doc = src.doc_id or name  # files of the previous release have no doc_id: id = name
        meta = src.article or ArticleLine()
        if doc not in articles:
            articles[doc] = Article(
                doc,
                meta.title or "",
                meta.publisher or "",
                meta.url or "",
                meta.published,
                name if name != doc else "",
            )
            batch.articles.append(articles[doc])
        sources.append(
            Source(
                doc,
                src.sentence or "",
                src.char_start or 0,
                src.char_end or 0,
                src.date_text,
                _interval(src.date),
            )
        )
    attributes = {k: v for k, v in (row.attributes or {}).items() if v is not None}
    return Event(
        id=row.id,
        type=row.type,
        date=_interval(row.date),
        agents=[_parse_actor(a, batch, actors) for a in row.agents or []],
        targets=[_parse_actor(a, batch, actors) for a in row.targets or []],
        place=place,
        attributes=attributes,
        confidence=row.confidence or 0.0,
        disputed=bool(row.disputed),
        summary=row.summary or "",
        sources=sources,
    )
