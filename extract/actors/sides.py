"""Which state an actor speaks for: a statement is not made *about* the speaker's own side.

"The defense secretary said the US would respond": the US is the speaker's state, not a party the
statement is addressed to or made about. A state is read from the actor itself (a country, its
forces), from its titles ("US Secretary of State" -> the US) and from the country word an
organisation's name opens with ("Syrian Ministry of Defence", "Iranian media").
"""

from __future__ import annotations

from collections.abc import Iterable

from eventgraph.extract.actors.model import DocActor
from eventgraph.extract.lexicons.countries import country_lookup, demonym_lookup
from eventgraph.extract.lexicons.folding import fold

_STATE_KEYS = ("gpe:", "forces:")


def states_of(actor: DocActor, depth: int = 2) -> set[str]:
    """Country codes of the states ``actor`` is or belongs to (through up to ``depth`` titles)."""
    for prefix in _STATE_KEYS:
        if actor.key.startswith(prefix):
            return {actor.key[len(prefix) :]}
    out: set[str] = set()
    if actor.kind in ("org", "media", "group") and actor.tokens:
        first = fold(actor.tokens[0].removesuffix("'s").removesuffix("’s"))
        code = country_lookup().get(first) or demonym_lookup().get(first)
        if code:
            out.add(code)
    if depth > 0:
        for _, org in actor.roles:
            if org is not None and org is not actor:
                out |= states_of(org, depth - 1)
    return out


def own_side(speakers: Iterable[DocActor], actor: DocActor) -> bool:
    """Whether a state or organisation is one of the speakers or the state one of them speaks for.
    People are never dropped: a minister speaking of the president still speaks about him."""
    speakers = list(speakers)
    if any(s is actor for s in speakers):
        return True
    if actor.kind == "person":
        return False
    mine = states_of(actor, depth=0)
    return bool(mine) and any(mine & states_of(s) for s in speakers)
