"""Where an event happened when its sentence puts no place after a locative preposition.

Reports name the place once and go on without it: "Clashes erupted in Kidal on Sunday. ... The army
deployed troops to the area", "On 3 May 2020, gunmen attacked a checkpoint. Two soldiers were killed
in X." The place of such an event is the place its own sentence names anywhere (nearest the trigger),
else the nearest place named before it in its paragraph, else the first named after it in the
paragraph, else the nearest named before it in the article. A dateline's place ("ERBIL, Kurdistan
Region - ...") filed the story: it is taken only when the article names no other place for the event
(a local story told from its own town); a country written as a modifier ("US troops") is an actor,
not a place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from eventgraph.extract.gazetteer.context import ADMIN_PHRASE
from eventgraph.extract.ingest.dateline import DATELINE, dateline_end
from eventgraph.extract.lexicons.countries import countries
from eventgraph.extract.lexicons.places import AFTER_PLACE_NAME, PREMISES_NOUNS
from eventgraph.extract.places import find_place, place_phrase
from eventgraph.graph.model import Place

__all__ = ["after_locative", "nearby_place", "targeted_premises"]

# Entity labels the model gives places; others count only right after a locative preposition ("riots
# broke out in Lod" with Lod tagged as a person, "bombed positions in Duhok" with Duhok as an org).
_PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
_NAME_LABELS = frozenset(["ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "EVENT"])
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|outside|inside|around|across|at|between|"
    # "the town of X", "the Nyakabiga quarter of X", "south of X", "the outskirts of X"
    r"(?:village|town|city|district|neighbou?rhood|quarter|sector|settlement|area|part|outskirts|suburbs?|"
    r"(?:north|south)(?:east|west)?|east|west) of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s+([a-z]+)")

Entity = tuple[int, int, str, str]  # start, end, label, text
# "strikes targeting Syria's Defence Ministry", "rockets hit the US Embassy": named premises an attack
# was aimed at (a capitalised name, so "the ministry said" is not one)
_TARGETED = re.compile(
    r"\b(?:target(?:ed|ing|s)?|hit(?:ting|s)?|struck|strik(?:e|es|ing)|bomb(?:ed|ing)?|shell(?:ed|ing))\s+"
    r"(?:the\s+)?(?:[A-Z][\w'’-]*['’]s\s+)?((?:[A-Z][\w'’-]*\s+){0,3}(?:"
    + "|".join(n.title() for n in PREMISES_NOUNS)
    + r"))\b"
)


def after_locative(text: str, start: int) -> bool:
    """Whether text[start:] follows "in", "near", "across"...: a name there is where something
    happened even when the parse also made it a participant ("pounded infrastructure across Ukraine")."""
    return _LOCATIVE_BEFORE.search(text, max(0, start - 30), start) is not None


def nearby_place(
    text: str,
    ents: Sequence[Entity],
    sentence: tuple[int, int],
    trigger: int,
    blocked: Sequence[tuple[int, int]] = (),
) -> Place | None:
    """The place of the event whose trigger starts at ``trigger`` in the sentence text[start:end]
    (``blocked``: spans that name its participants; they are places only after "in", "near"...)."""
    found = _candidates(text, ents, blocked)
    if not found:
        return dateline_place(text)
    start, end = sentence
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    own = [c for c in found if start <= c[0] < end]
    if own:
        return min(own, key=lambda c: (c[0] < trigger, abs(c[0] - trigger)))[1]
    before = [c for c in found if c[0] < start]
    in_para = [c for c in before if c[0] >= para_start]
    after = [c for c in found if end <= c[0] < para_end]
    # a country named after the event is more often its actor ("... The US has blamed ...")
    towns_after = [c for c in after if c[1].kind != "country"]
    order = (in_para[-1:], towns_after[:1], before[-1:], after[:1])
    chosen = next((group[0][1] for group in order if group), None)
    if chosen is None:
        return dateline_place(text)
    return _scene_country(chosen, found) if chosen is not None and chosen.kind == "country" else chosen


def dateline_place(text: str) -> Place | None:
    """The town of the article's dateline ("LAKEVIEW - ...", "PORTVILLE, May 3 (Wire) -"): where a
    story the article places nowhere else happened. None without a dateline or when its place is no
    town the gazetteer knows (a country, or two cities "X/Y")."""
    for line in [ln for ln in text.splitlines() if ln.strip()][:3]:
        if dateline_end(line) == 0:
            continue
        match = DATELINE.match(line)
        head = re.split(r"[,/(]|\s[–—-]", match.group(0) if match else "")[0].strip()
        place = find_place(head.title() if head.isupper() else head) if head else None
        return (
            place
            if place is not None and place.kind != "country" and "/" not in line[: len(head) + 1]
            else None
        )
    return None


def _scene_country(place: Place, found: list[tuple[int, Place, bool]]) -> Place:
    """A country taken from another sentence gives way to the country the article places things in
    most often ("in Baghdad", "across Iraq"): the country named last is as often an actor ("the
    United States said ...") as the scene."""
    scene = Counter(p.country for _, p, locative in found if locative and p.country)
    if not scene:
        return place
    main, n = scene.most_common(1)[0]
    if main == place.country or n < 2:
        return place
    name = countries().get(main)
    return (find_place(name) if name else None) or place


def _candidates(
    text: str, ents: Sequence[Entity], blocked: Sequence[tuple[int, int]]
) -> list[tuple[int, Place, bool]]:
    """(offset, place, whether a locative preposition introduces it) of the places the text names."""
    out: list[tuple[int, Place, bool]] = []
    # "Borno state": admin areas the model may not tag, in text order with the entities
    areas = [(m.start(1), m.end(), "GPE", m.group(0)) for m in ADMIN_PHRASE.finditer(text)]
    spans = sorted({*ents, *areas}, key=lambda e: (e[0], -e[1]))
    taken = -1
    for start, end, label, _ in spans:
        if start < taken:
            continue  # inside a span already taken

        locative = after_locative(text, start)
        if label not in _PLACE_LABELS and not (label in _NAME_LABELS and locative):
            continue
        if not locative and any(s < end and start < e for s, e in blocked):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        if start < line_start + dateline_end(text[line_start : line_start + 200]):
            continue
        place = find_place(place_phrase(text, start, end))
        if place is None:
            continue
        after = _NEXT_WORD.match(text, end)
        modifier = (
            after and after.group(1) not in AFTER_PLACE_NAME and not after.group(1).endswith(("ing", "ly"))
        )
        if place.kind == "country" and modifier:
            continue  # "US troops", "Iraq policy": the country is a modifier
        out.append((start, place, locative))
        taken = end
    return out


def targeted_premises(sentence: str, city: Place) -> Place | None:
    """Named premises in ``city`` that the attack in ``sentence`` targeted ("Israel launched air
    strikes on Kyiv, targeting Ukraine's Defence Ministry"): a site of their own at the city."""
    hit = _TARGETED.search(sentence)
    if hit is None or city.kind != "city":
        return None
    place = find_place(f"{hit.group(1)} in {city.name}")
    return place if place is not None and place.country == city.country else None
