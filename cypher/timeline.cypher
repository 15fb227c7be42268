// Dated events in a window, in timeline order (start, end, id), with their participants, place and
// number of sources: one round trip. Events are indexed on (span_class, start), the class being the
// interval-length class of graph.window.SPAN_CLASSES; $classes holds [class, lowest start] per class
// (null for the open-ended class of an overlap window: $shift_from minus the longest interval, from
// the Meta node). Each class is an index seek already in start order, so the per-class top stops
// after $limit rows (PartialTop) instead of sorting the whole window. Dates go out as ISO strings,
// which the client turns into dates several times faster than the driver's own Date values; sources
// are counted from the event's degree (only articles REPORT).
OPTIONAL MATCH (m:Meta {id: 'events'})
UNWIND $classes AS c
WITH c[0] AS cls, coalesce(c[1], $shift_from - duration({days: coalesce(m.max_span_days, 0)})) AS lo
WITH cls, CASE WHEN $after_start IS NOT NULL AND $after_start > lo THEN $after_start ELSE lo END AS lo
CALL (cls, lo) {
  MATCH (e:Event)
  USING INDEX e:Event(span_class, start)
  WHERE e.span_class = cls AND e.start >= lo AND e.start <= $start_hi
    AND e.end >= $end_lo AND e.end <= $end_hi
    AND ($after_id IS NULL OR e.start > $after_start
         OR (e.start = $after_start AND (e.end > $after_end OR (e.end = $after_end AND e.id > $after_id))))
    AND ($types IS NULL OR e.type IN $types)
    AND ($disputed IS NULL OR e.disputed = $disputed)
    AND ($place IS NULL OR EXISTS { (e)-[:AT]->(:Place {id: $place}) })
  // span_class leads the sort key so the planner sees the index order (it is constant here)
  RETURN e ORDER BY e.span_class, e.start, e.end, e.id LIMIT $limit
}
WITH e
ORDER BY e.start, e.end, e.id
LIMIT $limit
RETURN e {.*, start: toString(e.start), end: toString(e.end)} AS e,
       COLLECT { MATCH (a:Actor)-[:AGENT_OF]->(e) RETURN a {.id, .name, .kind, .aliases} AS a ORDER BY a.id } AS agents,
       COLLECT { MATCH (e)-[:TARGETS]->(t:Actor) RETURN t {.id, .name, .kind, .aliases} AS t ORDER BY t.id } AS targets,
       COLLECT { MATCH (e)-[:AT]->(p:Place) RETURN p {.*} AS p } AS place,
       COUNT { (e)<-[:REPORTS]-() } AS sources
