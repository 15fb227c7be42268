// timeline.cypher driven from one actor's events (faster than a date range when the actor is rare).
OPTIONAL MATCH (m:Meta {id: 'events'})
WITH CASE WHEN $shift_from IS NULL THEN $start_lo
          ELSE $shift_from - duration({days: coalesce(m.max_span_days, 0)}) END AS lo
WITH CASE WHEN $after_start IS NOT NULL AND $after_start > lo THEN $after_start ELSE lo END AS lo
MATCH (:Actor {id: $actor})-[:AGENT_OF|TARGETS]-(e:Event)
WITH DISTINCT lo, e
WHERE e.start >= lo AND e.start <= $start_hi
  AND e.end >= $end_lo AND e.end <= $end_hi
  AND ($after_id IS NULL OR e.start > $after_start
       OR (e.start = $after_start AND (e.end > $after_end OR (e.end = $after_end AND e.id > $after_id))))
  AND ($types IS NULL OR e.type IN $types)
  AND ($disputed IS NULL OR e.disputed = $disputed)
  AND ($place IS NULL OR EXISTS { (e)-[:AT]->(:Place {id: $place}) })
WITH e
ORDER BY e.start, e.end, e.id
LIMIT $limit
RETURN e {.*, start: toString(e.start), end: toString(e.end)} AS e,
       COLLECT { MATCH (a:Actor)-[:AGENT_OF]->(e) RETURN a {.id, .name, .kind, .aliases} AS a ORDER BY a.id } AS agents,
       COLLECT { MATCH (e)-[:TARGETS]->(t:Actor) RETURN t {.id, .name, .kind, .aliases} AS t ORDER BY t.id } AS targets,
       COLLECT { MATCH (e)-[:AT]->(p:Place) RETURN p {.*} AS p } AS place,
       COUNT { (e)<-[:REPORTS]-() } AS sources
