"""The state an actor speaks for: itself, its forces, its titles, the country word its name opens with."""

from __future__ import annotations

from eventgraph.extract.actors import own_side
from eventgraph.extract.actors.model import DocActor
from eventgraph.extract.actors.sides import states_of

FRANCE = DocActor("gpe", "France", "gpe:FR")
ITALY = DocActor("gpe", "Italy", "gpe:IT")


def test_states_of_an_actor() -> None:
    assert states_of(FRANCE) == {"FR"}
    assert states_of(DocActor("org", "French forces", "forces:FR")) == {"FR"}
    ministry = DocActor("org", "French Ministry of Defence", "org:french-ministry-of-defence")
    assert states_of(ministry) == {"FR"}
    spokesman = DocActor("person", "Jean Dupont", "person:jean-dupont", roles=[("Spokesman", ministry)])
    assert states_of(spokesman) == {"FR"}  # through the ministry he speaks for
    assert states_of(DocActor("person", "Jordan Smith", "person:jordan-smith")) == set()  # no name words


def test_own_side_drops_states_not_people() -> None:
    minister = DocActor("person", "Anne Martin", "person:anne-martin", roles=[("Foreign Minister", FRANCE)])
    assert own_side([minister], FRANCE)
    assert not own_side([minister], ITALY)
    president = DocActor("person", "Paul Durand", "person:paul-durand", roles=[("President", FRANCE)])
    assert not own_side([minister], president)  # a minister speaking of the president still speaks of him
