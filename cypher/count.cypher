// How many events timeline.cypher would list with no limit and no cursor.
MATCH (e:Event)
WHERE e.start >= $start_lo AND e.start <= $start_hi
  AND e.end >= $end_lo AND e.end <= $end_hi
  AND ($types IS NULL OR e.type IN $types)
  AND ($disputed IS NULL OR e.disputed = $disputed)
  AND ($place IS NULL OR EXISTS { (e)-[:AT]->(:Place {id: $place}) })
  AND ($actor IS NULL OR EXISTS { (e)-[:AGENT_OF|TARGETS]-(:Actor {id: $actor}) })
RETURN count(e) AS n
