// One page of an actor's links in graph.paths' search order: its usable events (see
// incidences.cypher) after the cursor ($after_start, $after_id), ordered by (start, id) with
// undated events last ($after_start null with $after_id set: the cursor is among them), at most
// $limit of them; the first page ($after_id null) also holds every affiliation, either way.
MATCH (a:Actor {id: $id})
CALL (a) {
  MATCH (a)-[:AGENT_OF|TARGETS]-(e:Event)
  WHERE ($win_start IS NULL OR (e.start <= $win_end AND e.end >= $win_start))
    AND (NOT $dated OR e.start IS NOT NULL)
    AND ($after_id IS NULL
      OR ($after_start IS NULL AND e.start IS NULL AND e.id > $after_id)
      OR ($after_start IS NOT NULL AND (e.start IS NULL OR e.start > $after_start
          OR (e.start = $after_start AND e.id > $after_id))))
  WITH DISTINCT e
  ORDER BY e.start, e.id
  LIMIT $limit
  RETURN e.id AS event, toString(e.start) AS start, toString(e.end) AS end, null AS role,
         COLLECT { MATCH (e)-[:AGENT_OF|TARGETS]-(x:Actor) RETURN DISTINCT x.id AS x } AS actors
  UNION ALL
  WITH a
  WHERE $after_id IS NULL
  MATCH (a)-[r:AFFILIATED_WITH]-(:Actor)
  WITH DISTINCT r
  RETURN null AS event, null AS start, null AS end, r.role AS role,
         [startNode(r).id, endNode(r).id] AS actors
}
RETURN event, start, end, role, actors
