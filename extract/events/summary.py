"""The one-line summary a timeline shows for an event ("Mark Esper phoned Adel Abdul Mahdi").

Built from the event's structure, not copied from a sentence, so that merged reports
of one event read the same whichever article came first.
"""

from __future__ import annotations

from typing import Any

# How a statement's speech act reads as a verb, with and without an addressee.
_SPEECH_VERBS: dict[str, tuple[str, str]] = {
    "warning": ("warned", "issued a warning"),
    "threat": ("threatened", "made a threat"),
    "accusation": ("accused", "made an accusation"),
    "demand": ("demanded action from", "made a demand"),
    "appeal": ("called on", "made an appeal"),
    "denial": ("issued a denial to", "issued a denial"),
    "report": ("reported on", "reported"),
    "testimony": ("testified before", "testified"),
    "claim": ("spoke about", "made a statement"),
}
_ATTACK_NOUNS = {
    "rocket_attack": ("rocket attack", "rocket attacks"),
    "drone_attack": ("drone attack", "drone attacks"),
    "missile_attack": ("missile attack", "missile attacks"),
    "airstrike": ("airstrike", "airstrikes"),
    "other_attack": ("attack", "attacks"),
}
# Other types: (verb with a target, verb without one).
_VERBS: dict[str, tuple[str, str]] = {
    "phone_call": ("phoned", "made a phone call"),
    "meeting": ("met", "held a meeting"),
    "visit": ("visited", "made a visit"),
    "resignation": ("resigned from", "resigned"),
    "appointment": ("appointed", "made an appointment"),
    "protest": ("protested against", "protested"),
    "deployment": ("deployed forces against", "deployed forces"),
    "legal_action": ("took legal action against", "took legal action"),
    "agreement": ("reached an agreement with", "reached an agreement"),
    "death": ("killed", "died"),
}
_QUOTE_CHARS = 80


def summarize(
    event_type: str,
    agents: list[str],
    targets: list[str],
    place: str | None,
    attributes: dict[str, Any],
) -> str:
    """E.g. "Mike Pompeo warned Iran", "Rocket attack on Ain al-Asad air base (14 rockets)"."""
    who, whom = join_names(agents), join_names(targets)
    where = f" in {place}" if place else ""
    if event_type in _ATTACK_NOUNS:
        return _attack(event_type, who, whom, place, attributes)
    if event_type == "statement":
        act = attributes.get("speech_act") or "claim"
        with_target, alone = _SPEECH_VERBS.get(act, _SPEECH_VERBS["claim"])
        speaker = who or "Unnamed source"
        line = f"{speaker} {with_target} {whom}" if whom else f"{speaker} {alone}"
        quote = attributes.get("quote")
        if isinstance(quote, str) and quote.strip():
            return f"{line}: “{_shorten(quote.strip())}”"
        return line
    if event_type == "death":
        victims = attributes.get("casualties") or {}
        killed = victims.get("killed") if isinstance(victims, dict) else None
        if isinstance(killed, int) and killed > 0:
            return f"{killed} killed" + (f" by {who}" if who else "") + where
        return f"{whom or who or 'Someone'} died{where}"
    with_target, alone = _VERBS.get(event_type, ("acted against", "acted"))
    if event_type == "visit" and not whom and place:
        return f"{who or 'Someone'} visited {place}"
    if event_type == "protest" and not who:
        return f"Protest{' against ' + whom if whom else ''}{where}"
    line = f"{who or 'Someone'} {with_target} {whom}" if whom else f"{who or 'Someone'} {alone}"
    return line + where


def _attack(event_type: str, who: str, whom: str, place: str | None, attributes: dict[str, Any]) -> str:
    singular, plural = _ATTACK_NOUNS[event_type]
    count = attributes.get("count")
    aggregate = bool(attributes.get("aggregate")) or (
        isinstance(count, int) and count > 1 and attributes.get("count_of") == "attacks"
    )
    noun = f"{count} {plural}" if aggregate and isinstance(count, int) else singular
    line = noun[0].upper() + noun[1:]
    if who:
        line += f" by {who}"
    if whom:
        line += f" on {whom}"
    if place:
        line += f" at {place}"
    details = []
    weapon = attributes.get("weapon")
    if isinstance(count, int) and count > 1 and not aggregate and isinstance(weapon, str) and weapon:
        details.append(f"{count} {weapon}s" if not weapon.endswith("s") else f"{count} {weapon}")
    casualties = attributes.get("casualties")
    if isinstance(casualties, dict):
        for key in ("killed", "wounded"):
            n = casualties.get(key)
            if isinstance(n, int) and n > 0:
                details.append(f"{n} {key}")
    return line + (f" ({', '.join(details)})" if details else "")


def join_names(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _shorten(text: str) -> str:
    text = " ".join(text.split()).strip("“”\"' ")
    if len(text) <= _QUOTE_CHARS:
        return text
    cut = text[:_QUOTE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
