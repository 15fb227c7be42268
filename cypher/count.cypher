// How many events timeline.cypher would list with no limit and no cursor.
OPTIONAL MATCH (m:Meta {id: 'events'})
WITH CASE WHEN $shift_from IS NULL THEN $start_lo
          ELSE $shift_from - duration({days: coalesce(m.max_span_days, 0)}) END AS lo
WITH CASE WHEN $after_start IS NOT NULL AND $after_start > lo THEN $after_start ELSE lo END AS lo
MATCH (e:Event)
USING INDEX e:Event(start)
WHERE e.start >= lo AND e.start <= $start_hi
  AND e.end >= $end_lo AND e.end <= $end_hi
  AND ($types IS NULL OR e.type IN $types)
  AND ($disputed IS NULL OR e.disputed = $disputed)
  AND ($place IS NULL OR EXISTS { (e)-[:AT]->(:Place {id: $place}) })
  AND ($actor IS NULL OR EXISTS { (e)-[:AGENT_OF|TARGETS]-(:Actor {id: $actor}) })
RETURN count(e) AS n
