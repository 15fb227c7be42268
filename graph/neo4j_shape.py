"""How events and actors look in Neo4j beyond their ids: typed labels and typed attribute properties.

Browser colours and filters nodes by label, and Cypher filters on properties, so an event carries
its type as a second label (``:Event:RocketAttack``) and its attributes as properties of their own
types (``e.killed > 3``, ``e.weapon = 'rocket'``) rather than one JSON string. Labels cannot be
Cypher parameters except as dynamic labels (``SET n:$(row.labels)``), so they come only from the
fixed maps below: user input picks an entry of a whitelist, never the text of a label. Attribute
values the store cannot keep as one property type (nested maps, mixed lists, nulls, keys outside
the whitelist) travel in ``attributes_extra`` as JSON, so the reader gives back the same dict.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from eventgraph.graph.model import ACTOR_KINDS, EVENT_TYPES

# Event type -> label (UpperCamelCase, as Browser users expect), and actor kind -> label.
EVENT_LABELS: dict[str, str] = {t: "".join(part.title() for part in t.split("_")) for t in EVENT_TYPES}
ACTOR_LABELS: dict[str, str] = {
    "person": "Person",
    "org": "Organization",
    "gpe": "GPE",
    "group": "Group",
    "media": "Media",
}
assert set(ACTOR_LABELS) == set(ACTOR_KINDS)

# Attributes stored as properties under their own names (docs/formats.md §2 lists them), each of one
# type so that a bulk import's columns can declare it; casualties (a map) is flattened to
# casualties_<key>. No name here is one of the event's own properties. A value of another type
# (told_to as a list, a fractional count) goes to EXTRA with the rest.
TYPED_ATTRIBUTES: dict[str, type] = {
    "speech_act": str, "weapon": str, "count": int, "count_of": str, "killed": int, "wounded": int,
    "quote": str, "told_to": str, "aggregate": bool,
}  # fmt: skip
CASUALTY_KEYS: dict[str, type] = {"killed": int, "wounded": int, "who": str}
PROPERTY_TYPES: dict[str, type] = TYPED_ATTRIBUTES | {f"casualties_{k}": t for k, t in CASUALTY_KEYS.items()}
EXTRA = "attributes_extra"
ATTRIBUTE_PROPERTIES = (*PROPERTY_TYPES, EXTRA)
_INT64 = range(-(2**63), 2**63)


def event_labels(event_type: str) -> list[str]:
    """The type label of an event (none for a type outside the whitelist)."""
    label = EVENT_LABELS.get(event_type)
    return [label] if label else []


def actor_labels(kind: str) -> list[str]:
    """The kind label of an actor (none for a kind outside the whitelist)."""
    label = ACTOR_LABELS.get(kind)
    return [label] if label else []


def _storable(value: Any, kind: type | None) -> bool:
    """Whether ``value`` is exactly of the property's type (bool is no int here) and fits Neo4j's."""
    if kind is None or type(value) is not kind:
        return False
    return kind is not int or value in _INT64


def attribute_properties(attributes: Mapping[str, Any]) -> dict[str, Any]:
    """The event's attributes as properties: typed where they can be, the rest as JSON in EXTRA.

    Every name of ATTRIBUTE_PROPERTIES is in the result (None for absent ones), so ``SET e += props``
    also clears what an earlier load set."""
    props: dict[str, Any] = dict.fromkeys(ATTRIBUTE_PROPERTIES)
    extra: dict[str, Any] = {}
    for key, value in attributes.items():
        if _storable(value, TYPED_ATTRIBUTES.get(key)):
            props[key] = value
        elif (
            key == "casualties"
            and isinstance(value, dict)
            and value
            and all(_storable(v, CASUALTY_KEYS.get(k)) for k, v in value.items())
        ):
            for k, v in value.items():
                props[f"casualties_{k}"] = v
        else:
            extra[key] = value
    props[EXTRA] = json.dumps(extra, sort_keys=True) if extra else None
    return props


def attributes_from(props: Mapping[str, Any]) -> dict[str, Any]:
    """The attributes dict back from an event's properties (the inverse of attribute_properties)."""
    out: dict[str, Any] = {k: props[k] for k in TYPED_ATTRIBUTES if props.get(k) is not None}
    flat = {k: props.get(f"casualties_{k}") for k in CASUALTY_KEYS}
    casualties = {k: v for k, v in flat.items() if v is not None}
    if casualties:
        out["casualties"] = casualties
    if props.get(EXTRA):
        out.update(json.loads(props[EXTRA]))
    return out
