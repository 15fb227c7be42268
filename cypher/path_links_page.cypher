// One page of an actor's links in graph.paths' search order, read from the link_key indexes
// (schema.cypher: the actor's links in (key, event) order, key the event's start, 9999-12-31 when
// undated): its usable events (see incidences.cypher) with a key in $lo..$hi after the cursor
// ($after_key, $after_id; null: from the first), at most $limit of them (a huge $limit: the rest);
// the first page ($after_id null) also holds every affiliation, either way. A page costs about
// $limit index entries from each of AGENT_OF and TARGETS, whatever the actor's size.
// $lo is the window's start less the longest span (Meta, as timeline_actor.cypher); graph.neo4j_paths
// gives $hi (the window's end, or the last date or key the search may use).
OPTIONAL MATCH (m:Meta {id: 'events'})
WITH CASE WHEN $win_start IS NULL THEN date('0001-01-01')
          ELSE $win_start - duration({days: coalesce(m.max_span_days, 0)}) END AS lo
WITH CASE WHEN $after_key IS NOT NULL AND $after_key > lo THEN $after_key ELSE lo END AS lo
MATCH (a:Actor {id: $id})
CALL (a, lo) {
  CALL (lo) {
    MATCH ()-[r:AGENT_OF]->(e:Event)
    WHERE r.actor = $id AND r.key >= lo AND r.key <= $hi AND r.event IS NOT NULL
      AND ($after_id IS NULL OR r.key > $after_key OR r.event > $after_id)
      AND ($win_start IS NULL OR e.end >= $win_start)
    WITH r, e
    ORDER BY r.actor, r.key, r.event
    LIMIT $limit
    RETURN r.key AS key, r.event AS id, e
    UNION
    MATCH (e:Event)-[r:TARGETS]->()
    WHERE r.actor = $id AND r.key >= lo AND r.key <= $hi AND r.event IS NOT NULL
      AND ($after_id IS NULL OR r.key > $after_key OR r.event > $after_id)
      AND ($win_start IS NULL OR e.end >= $win_start)
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
  WITH a
  WHERE $after_id IS NULL
  MATCH (a)-[r:AFFILIATED_WITH]-(:Actor)
  WITH DISTINCT r
  RETURN null AS event, null AS start, null AS end, r.role AS role,
         [startNode(r).id, endNode(r).id] AS actors
}
RETURN event, start, end, role, actors
