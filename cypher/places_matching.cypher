// The places of the events count.cypher counts (the same per-class seeks), each with how many of
// them it holds, busiest first.
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
  MATCH (e)-[:AT]->(p:Place)
  RETURN p
}
WITH p, count(*) AS n
RETURN p {.*} AS p, n
ORDER BY n DESC, p.name, p.id
