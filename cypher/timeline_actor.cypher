// timeline.cypher driven from one actor's events (faster than a date range when the actor is rare).
MATCH (:Actor {id: $actor})-[:AGENT_OF|TARGETS]-(e:Event)
WITH DISTINCT e
WHERE e.start >= $start_lo AND e.start <= $start_hi
  AND e.end >= $end_lo AND e.end <= $end_hi
  AND ($after_id IS NULL OR e.start > $after_start
       OR (e.start = $after_start AND (e.end > $after_end OR (e.end = $after_end AND e.id > $after_id))))
  AND ($types IS NULL OR e.type IN $types)
  AND ($disputed IS NULL OR e.disputed = $disputed)
  AND ($place IS NULL OR EXISTS { (e)-[:AT]->(:Place {id: $place}) })
RETURN e.id AS id
ORDER BY e.start, e.end, e.id
LIMIT $limit
