// How many events timeline.cypher would list with no limit and no cursor (same per-class seeks).
OPTIONAL MATCH (m:Meta {id: 'events'})
UNWIND $classes AS c
WITH c[0] AS cls, coalesce(c[1], $shift_from - duration({days: coalesce(m.max_span_days, 0)})) AS lo
CALL (cls, lo) {
  MATCH (e:Event)
  USING INDEX e:Event(span_class, start)
  WHERE e.span_class = cls AND e.start >= lo AND e.start <= $start_hi
    AND e.end >= $end_lo AND e.end <= $end_hi
    AND ($types IS NULL OR e.type IN $types)
    AND ($disputed IS NULL OR e.disputed = $disputed)
    AND ($place IS NULL OR EXISTS { (e)-[:AT]->(:Place {id: $place}) })
    AND ($actor IS NULL OR EXISTS { (e)-[:AGENT_OF|TARGETS]-(:Actor {id: $actor}) })
  RETURN count(e) AS n
}
RETURN sum(n) AS n
