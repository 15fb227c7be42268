// For each actor id, the links graph.paths' search hops along: the events it takes part in (as
// agent or target) with everyone taking part in them, over (:Actor)-[:AGENT_OF|TARGETS]-(:Event),
// and its affiliations either way, over (:Actor)-[:AFFILIATED_WITH]->(:Actor) (actors: holder, org).
// Events the search could not use are left out here: outside the window ($win_start..$win_end, both
// null for none) or undated when $dated. Dates come as ISO strings: a hub has thousands of events
// and the driver builds its own Date objects far slower than date.fromisoformat.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  MATCH (a)-[:AGENT_OF|TARGETS]-(e:Event)
  WHERE ($win_start IS NULL OR (e.start <= $win_end AND e.end >= $win_start))
    AND (NOT $dated OR e.start IS NOT NULL)
  WITH DISTINCT e
  RETURN e.id AS event, toString(e.start) AS start, toString(e.end) AS end, null AS role,
         COLLECT { MATCH (e)-[:AGENT_OF|TARGETS]-(x:Actor) RETURN DISTINCT x.id AS x } AS actors
  UNION ALL
  MATCH (a)-[r:AFFILIATED_WITH]-(:Actor)
  WITH DISTINCT r
  RETURN null AS event, null AS start, null AS end, r.role AS role,
         [startNode(r).id, endNode(r).id] AS actors
}
RETURN id, event, start, end, role, actors
