"""The event JSONL of EXPORT.md §2, both ways.

Each line is self-contained: besides the contract fields it carries what a
store needs to rebuild the graph (actor aliases and affiliations, article
metadata, CAMEO/PLOVER codes), so ``eventgraph load`` and the embedded store's
file both read the same format.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from graph.model import (
    EVENT_TYPES,
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

ATTRIBUTE_KEYS = ("speech_act", "weapon", "count", "casualties")


class ExportError(ValueError):
    """A line of event JSONL that cannot be read; names the line."""


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
    """One EXPORT.md event object per event of the batch."""
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


def _parse_actor(ref: dict[str, Any], batch: Batch, seen: dict[str, Actor]) -> str:
    actor = Actor(
        id=str(ref["id"]),
        name=str(ref["name"]),
        kind=ref.get("kind") or "org",
        aliases=list(ref.get("aliases") or []),
    )
    if actor.id not in seen:
        seen[actor.id] = actor
        batch.actors.append(actor)
    for link in ref.get("affiliations") or []:
        org_id = _parse_actor(link["org"], batch, seen)
        batch.affiliations.append(Affiliation(actor.id, org_id, str(link.get("role") or "")))
    for link in ref.get("held_by") or []:
        holder_id = _parse_actor(link["actor"], batch, seen)
        batch.affiliations.append(Affiliation(holder_id, actor.id, str(link.get("role") or "")))
    return actor.id


def batch_from_rows(lines: Iterable[str], *, name: str = "<events>") -> tuple[Batch, list[str]]:
    """Rebuild a batch from event JSONL; broken lines are skipped and reported."""
    batch = Batch()
    problems: list[str] = []
    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}
    articles: dict[str, Article] = {}
    affiliation_keys: set[tuple[str, str, str]] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ExportError("not a JSON object")
            event = _parse_event(row, batch, actors, places, articles)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            if isinstance(exc, KeyError):
                reason = f"missing field {exc}"
            elif isinstance(exc, (TypeError, AttributeError)):
                reason = f"a field has the wrong type ({exc})"
            else:
                reason = str(exc)
            problems.append(f"{name}:{n}: skipped: {reason}")
            continue
        batch.events.append(event)
    unique = []
    for aff in batch.affiliations:
        key = (aff.actor, aff.org, aff.role)
        if key not in affiliation_keys:
            affiliation_keys.add(key)
            unique.append(aff)
    batch.affiliations = unique
    return batch, problems


def _parse_event(
    row: dict[str, Any],
    batch: Batch,
    actors: dict[str, Actor],
    places: dict[str, Place],
    articles: dict[str, Article],
) -> Event:
    for key in ("id", "type", "sources"):
        if key not in row:
            raise ExportError(f"missing {key!r}")
    if row["type"] not in EVENT_TYPES:
        raise ExportError(f"unknown event type {row['type']!r}")
    location = row.get("location")
    place = None
    if location:
        place = location["id"]
        if place not in places:
            places[place] = Place(
                place, location["name"], location.get("lat"), location.get("lon"), location.get("country")
            )
            batch.places.append(places[place])
    sources = []
    for src in row["sources"]:
        name = str(src["doc"])
        doc = str(src.get("doc_id") or name)  # files of the previous release have no doc_id: id = name
        meta = src.get("article") or {}
        if doc not in articles:
            published = meta.get("published")
            articles[doc] = Article(
                doc,
                meta.get("title") or "",
                meta.get("publisher") or "",
                meta.get("url") or "",
                date.fromisoformat(published) if published else None,
                name if name != doc else "",
            )
            batch.articles.append(articles[doc])
        sources.append(
            Source(
                doc,
                str(src.get("sentence") or ""),
                int(src.get("char_start") or 0),
                int(src.get("char_end") or 0),
                src.get("date_text"),
                DateInterval.from_json(src.get("date")),
            )
        )
    attributes = {k: v for k, v in (row.get("attributes") or {}).items() if v is not None}
    return Event(
        id=str(row["id"]),
        type=row["type"],
        date=DateInterval.from_json(row.get("date")),
        agents=[_parse_actor(a, batch, actors) for a in row.get("agents") or []],
        targets=[_parse_actor(a, batch, actors) for a in row.get("targets") or []],
        place=place,
        attributes=attributes,
        confidence=float(row.get("confidence") or 0.0),
        disputed=bool(row.get("disputed")),
        summary=str(row.get("summary") or ""),
        sources=sources,
    )
