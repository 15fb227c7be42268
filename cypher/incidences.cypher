// For each actor id, the events it takes part in (as agent or target) and everyone taking part in them:
// one hop of graph.paths' search, over (:Actor)-[:AGENT_OF|TARGETS]-(:Event).
UNWIND $ids AS id
MATCH (:Actor {id: id})-[:AGENT_OF|TARGETS]-(e:Event)
WITH DISTINCT id, e
RETURN id, e.id AS event, e.start AS start, e.end AS end,
       COLLECT { MATCH (e)-[:AGENT_OF|TARGETS]-(x:Actor) RETURN DISTINCT x.id AS x } AS actors
