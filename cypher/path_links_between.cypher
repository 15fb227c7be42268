// The links two actors share, for the last hop of graph.paths' search between two hubs: the events
// both take part in after the cursor (as path_links_page: every one, unordered; the caller sorts)
// and on the first page the affiliations between them, either way. Expanded from $id (the caller passes the actor with fewer
// relationships; the subquery keeps the planner from starting at the bigger one); each of its events
// is checked against $other from the event's side, so only the shared links are sent back.
MATCH (a:Actor {id: $id}), (b:Actor {id: $other})
CALL (a, b) {
  CALL (a) {
    MATCH (a)-[:AGENT_OF|TARGETS]-(e)
    WHERE ($win_start IS NULL OR (e.start <= $win_end AND e.end >= $win_start))
      AND (NOT $dated OR e.start IS NOT NULL)
      AND ($after_id IS NULL
        OR ($after_start IS NULL AND e.start IS NULL AND e.id > $after_id)
        OR ($after_start IS NOT NULL AND (e.start IS NULL OR e.start > $after_start
            OR (e.start = $after_start AND e.id > $after_id))))
    RETURN DISTINCT e
  }
  WITH e, b
  WHERE EXISTS { (e)-[:AGENT_OF|TARGETS]-(b) }
  RETURN e.id AS event, toString(e.start) AS start, toString(e.end) AS end, null AS role,
         COLLECT { MATCH (e)-[:AGENT_OF|TARGETS]-(x:Actor) RETURN DISTINCT x.id AS x } AS actors
  UNION ALL
  WITH a, b
  WHERE $after_id IS NULL
  MATCH (a)-[r:AFFILIATED_WITH]-(b)
  WITH DISTINCT r
  RETURN null AS event, null AS start, null AS end, r.role AS role,
         [startNode(r).id, endNode(r).id] AS actors
}
RETURN event, start, end, role, actors
