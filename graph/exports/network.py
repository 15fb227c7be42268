"""The actor network as GraphML and GEXF (networkx writes both), for Gephi and networkx users.

Actors and events are both nodes: an agent points to its event (``agent``), the event to its
targets (``target``), and an actor to the organisation or country it holds a role in
(``affiliation``, with the role). Events as nodes keep every participant of events with one actor
or several agents and targets, where an actor-to-actor edge could not. Event nodes and their
edges carry ``start`` and ``end`` (ISO dates, inclusive): in GEXF they are the elements' time
spells (``mode="dynamic"``, ``timeformat="date"``), so Gephi's timeline filters them; actors have
no spell and stay visible. The whole network is built in memory before it is written.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from eventgraph.graph.exports.selection import ActorInfo, ExportPage
from eventgraph.graph.model import Actor
from eventgraph.graph.store import EventDetail

if TYPE_CHECKING:
    import networkx as nx

GRAPHML_WHAT = "GraphML of actors and events as nodes, with dates (networkx, yEd, Gephi)"
GEXF_WHAT = "GEXF of actors and events as nodes with time spells (Gephi's timeline)"

Attrs = dict[str, str | int | float | bool]


def _actor_attrs(actor: Actor, info: ActorInfo | None) -> Attrs:
    attrs: Attrs = {"label": actor.name, "node_type": "actor", "kind": actor.kind}
    country = (info or ActorInfo(actor)).country
    if country:
        attrs["country"] = country
    if actor.aliases:
        attrs["aliases"] = "; ".join(actor.aliases)
    return attrs


def _event_attrs(detail: EventDetail) -> Attrs:
    row = detail.row
    ev = row.event
    attrs: Attrs = {
        "label": ev.summary or ev.type,
        "node_type": "event",
        "type": ev.type,
        "disputed": ev.disputed,
        "source_count": row.source_count,
        "confidence": round(ev.confidence, 3),
    }
    if ev.date:
        attrs |= {"start": ev.date.start.isoformat(), "end": ev.date.end.isoformat()}
        attrs["precision"] = ev.date.precision
    place = row.place
    if place:
        attrs |= {"place": place.name, "place_id": place.id}
        if place.country:
            attrs["country"] = place.country
        if place.lat is not None and place.lon is not None:
            attrs |= {"lat": place.lat, "lon": place.lon}
    for key in ("killed", "wounded"):
        value = ev.attributes.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            attrs[key] = value
    return attrs


class NetworkBuilder:
    """Collects pages into one MultiDiGraph (node ids: actor ids and event ids)."""

    def __init__(self) -> None:
        import networkx as nx  # here, not at the top: every `eventgraph` command imports this module

        self.graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        self._added: set[str] = set()  # actors whose node and affiliations are in

    def head(self) -> str:
        return ""

    def page(self, page: ExportPage) -> str:
        g = self.graph
        for detail in page.events:
            row = detail.row
            ev = row.event
            g.add_node(ev.id, **_event_attrs(detail))
            when: Attrs = (
                {"start": ev.date.start.isoformat(), "end": ev.date.end.isoformat()} if ev.date else {}
            )
            for actor in row.agents:
                self._actor(actor, page)
                g.add_edge(actor.id, ev.id, key="agent", relation="agent", event_type=ev.type, **when)
            for actor in row.targets:
                self._actor(actor, page)
                g.add_edge(ev.id, actor.id, key="target", relation="target", event_type=ev.type, **when)
        return ""

    def _actor(self, actor: Actor, page: ExportPage) -> None:
        """An actor node, once, with its affiliation edges and the actors at their other ends."""
        if actor.id in self._added:
            return
        self._added.add(actor.id)
        info = page.actors.get(actor.id)
        self.graph.add_node(actor.id, **_actor_attrs(actor, info))  # updates a node added as a related one
        if info is None:
            return
        for other in info.related.values():
            if other.id not in self.graph:
                self.graph.add_node(other.id, **_actor_attrs(other, None))
        for aff in info.affiliations:
            key = f"affiliation:{aff.role}"
            if not self.graph.has_edge(aff.actor, aff.org, key):
                self.graph.add_edge(aff.actor, aff.org, key=key, relation="affiliation", role=aff.role)


class GraphMLWriter(NetworkBuilder):
    def tail(self) -> str:
        # networkx's lxml writer writes as it goes: a fraction of the memory and time of the
        # ElementTree one (generate_graphml), which builds the whole document first
        import networkx as nx

        out = io.BytesIO()
        nx.write_graphml_lxml(self.graph, out)
        return out.getvalue().decode("utf-8")


class GexfWriter(NetworkBuilder):
    def tail(self) -> str:
        import networkx as nx

        return "\n".join(nx.generate_gexf(self.graph)) + "\n"
