// A page of the links two hubs share (graph.paths.Shared) as path_links_between.cypher returns
// them, driven by the event_start index like path_links_page_by_date.cypher: dated events in
// (start, id) order after the cursor that link both actors, at most $limit; on the first page the
// affiliations between them. A page reads about $limit / (the product of their shares of all
// events) index entries: graph.neo4j_paths picks it when that is fewer than the smaller actor's
// relationships. Undated events are not in the index: the caller reads them with
// path_links_between.
OPTIONAL MATCH (m:Meta {id: 'events'})
WITH CASE WHEN $win_start IS NULL THEN date('-999999999-01-01')
          ELSE $win_start - duration({days: coalesce(m.max_span_days, 0)}) END AS lo
WITH CASE WHEN $after_start IS NOT NULL AND $after_start > lo THEN $after_start ELSE lo END AS lo
MATCH (a:Actor {id: $id}), (b:Actor {id: $other})
CALL (a, b, lo) {
  MATCH (e:Event)
  WHERE e.start >= lo AND e.start <= coalesce($win_end, date('+999999999-12-31'))
    AND ($after_id IS NULL OR e.start > $after_start OR (e.start = $after_start AND e.id > $after_id))
  WITH e, e.end AS end
  WHERE $win_start IS NULL OR end >= $win_start
  WITH e
  WHERE EXISTS { (a)-[:AGENT_OF|TARGETS]-(e) } AND EXISTS { (b)-[:AGENT_OF|TARGETS]-(e) }
  WITH e
  ORDER BY e.start, e.id
  LIMIT $limit
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
