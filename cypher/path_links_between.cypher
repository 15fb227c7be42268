// A page of the links two actors share (graph.paths.Shared) as path_links_page.cypher returns an
// actor's: $id's links from the link_key indexes in (key, event) order, kept when the event links
// $other too (checked from the event's few relationships), at most $limit; on the first page the
// affiliations between them, either way. The caller passes the actor with fewer links as $id: a
// page reads about $limit x ($id's links / the links they share) index entries, at most $id's links.
OPTIONAL MATCH (m:Meta {id: 'events'})
WITH CASE WHEN $win_start IS NULL THEN date('0001-01-01')
          ELSE $win_start - duration({days: coalesce(m.max_span_days, 0)}) END AS lo
WITH CASE WHEN $after_key IS NOT NULL AND $after_key > lo THEN $after_key ELSE lo END AS lo
MATCH (a:Actor {id: $id}), (b:Actor {id: $other})
CALL (a, b, lo) {
  CALL (b, lo) {
    MATCH ()-[r:AGENT_OF]->(e:Event)
    WHERE r.actor = $id AND r.key >= lo AND r.key <= $hi AND r.event IS NOT NULL
      AND ($after_id IS NULL OR r.key > $after_key OR r.event > $after_id)
      AND ($win_start IS NULL OR e.end >= $win_start)
      AND EXISTS { (e)-[:AGENT_OF|TARGETS]-(b) }
    WITH r, e
    ORDER BY r.actor, r.key, r.event
    LIMIT $limit
    RETURN r.key AS key, r.event AS id, e
    UNION
    MATCH (e:Event)-[r:TARGETS]->()
    WHERE r.actor = $id AND r.key >= lo AND r.key <= $hi AND r.event IS NOT NULL
      AND ($after_id IS NULL OR r.key > $after_key OR r.event > $after_id)
      AND ($win_start IS NULL OR e.end >= $win_start)
      AND EXISTS { (e)-[:AGENT_OF|TARGETS]-(b) }
    WITH r, e
    ORDER BY r.actor, r.key, r.event
    LIMIT $limit
    RETURN r.key AS key, r.event AS id, e
  }
  WITH key, id, e
  ORDER BY key, id
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
