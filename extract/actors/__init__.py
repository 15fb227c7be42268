"""Per-document actor resolution: every participant span of an article -> one document actor.

Names come from the NER entities of the body text and from the lexicons (``names``);
titles next to a name ("US Defense Secretary Mark Esper", "Mark Esper, US Secretary
of Defense") become roles (``titles``); groups listed as members of a group get a
"member" role (``memberships``); surnames, acronyms in brackets, role nouns ("the US
defense secretary") and pronouns are tied to the person or organisation they refer
to by offset, since no offline coreference model exists (``resolvers``, an ordered
list). Text outside the entities the Doc holds (the event engineer blanks non-body
text) never yields an actor. ``DocumentActors`` is the facade the resolver step uses.
"""

from eventgraph.extract.actors.document import DocumentActors
from eventgraph.extract.actors.model import DocActor
from eventgraph.extract.actors.sides import own_side

__all__ = ["DocActor", "DocumentActors", "own_side"]
