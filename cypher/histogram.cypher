// Events per bucket and type for the timeline's overview bands: the events count.cypher counts (the
// same per-class seeks), each in the bucket of its first day inside the window ($clamp: the window
// start, null for an open start). $bucket is 'day', 'week' (ISO, from Monday) or 'month'. Each class
// is counted per start day and type first, so the buckets are summed over far fewer rows.
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
  RETURN e.start AS start, e.type AS type, count(*) AS k
}
WITH CASE WHEN $clamp IS NOT NULL AND start < $clamp THEN $clamp ELSE start END AS day, type, k
WITH CASE $bucket
       WHEN 'week' THEN date.truncate('week', day)
       WHEN 'month' THEN date.truncate('month', day)
       ELSE day
     END AS bucket, type, k
RETURN toString(bucket) AS bucket, type, sum(k) AS n
ORDER BY bucket, type
