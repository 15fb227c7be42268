// One page of a hub's links as path_links_page.cypher returns it, driven by the event_start index
// instead of the hub's relationships: dated events in (start, id) order from the cursor
// ($after_start, $after_id; both null: from the first), kept when they link the hub (EXISTS, read
// from the event's few relationships), at most $limit. A page reads about $limit / (the hub's share
// of all events) index entries, whatever the hub's size: graph.neo4j_paths picks it over
// path_links_page when that is fewer than the hub's relationships. A window ($win_start..$win_end)
// starts the range at its start less the longest stored span (Meta, as timeline_actor.cypher).
// Undated events are not in the index: the caller reads them with path_links_page.
OPTIONAL MATCH (m:Meta {id: 'events'})
WITH CASE WHEN $win_start IS NULL THEN date('-999999999-01-01')
          ELSE $win_start - duration({days: coalesce(m.max_span_days, 0)}) END AS lo
WITH CASE WHEN $after_start IS NOT NULL AND $after_start > lo THEN $after_start ELSE lo END AS lo
MATCH (a:Actor {id: $id})
CALL (a, lo) {
  MATCH (e:Event)
  WHERE e.start >= lo AND e.start <= coalesce($win_end, date('+999999999-12-31'))
    AND ($after_id IS NULL OR e.start > $after_start OR (e.start = $after_start AND e.id > $after_id))
  WITH e, e.end AS end
  WHERE $win_start IS NULL OR end >= $win_start
  WITH e
  WHERE EXISTS { (a)-[:AGENT_OF|TARGETS]-(e) }
  WITH e
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
