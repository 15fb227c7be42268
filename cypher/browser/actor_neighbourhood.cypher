// An actor's neighbourhood as a graph: its events, the other actors in them, its affiliations.
// Set first:  :param actor => 'person:mark-esper'
MATCH (a:Actor {id: $actor})
OPTIONAL MATCH p1 = (a)-[:AGENT_OF|TARGETS]-(:Event)-[:AGENT_OF|TARGETS]-(:Actor)
OPTIONAL MATCH p2 = (a)-[:AFFILIATED_WITH]-(:Actor)
RETURN a, collect(DISTINCT p1)[..200] AS events, collect(DISTINCT p2) AS affiliations
