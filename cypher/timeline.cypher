// Dated events in a window, in timeline order (start, end, id), with their participants, place and
// number of sources: one round trip. Bounds come from graph.window; for an overlap window the lower
// start bound is $shift_from minus the longest event interval (the Meta node), so the match is an
// index range seek on Event.start that stops at the window's end (the hint: the planner cannot
// estimate the computed bound and would otherwise scan the Event.end index).
OPTIONAL MATCH (m:Meta {id: 'events'})
WITH CASE WHEN $shift_from IS NULL THEN $start_lo
          ELSE $shift_from - duration({days: coalesce(m.max_span_days, 0)}) END AS lo
WITH CASE WHEN $after_start IS NOT NULL AND $after_start > lo THEN $after_start ELSE lo END AS lo
MATCH (e:Event)
USING INDEX e:Event(start)
WHERE e.start >= lo AND e.start <= $start_hi
  AND e.end >= $end_lo AND e.end <= $end_hi
  AND ($after_id IS NULL OR e.start > $after_start
       OR (e.start = $after_start AND (e.end > $after_end OR (e.end = $after_end AND e.id > $after_id))))
  AND ($types IS NULL OR e.type IN $types)
  AND ($disputed IS NULL OR e.disputed = $disputed)
  AND ($place IS NULL OR EXISTS { (e)-[:AT]->(:Place {id: $place}) })
  AND ($actor IS NULL OR EXISTS { (e)-[:AGENT_OF|TARGETS]-(:Actor {id: $actor}) })
WITH e
ORDER BY e.start, e.end, e.id
LIMIT $limit
RETURN e {.*} AS e,
       COLLECT { MATCH (a:Actor)-[:AGENT_OF]->(e) RETURN a {.id, .name, .kind, .aliases} AS a ORDER BY a.id } AS agents,
       COLLECT { MATCH (e)-[:TARGETS]->(t:Actor) RETURN t {.id, .name, .kind, .aliases} AS t ORDER BY t.id } AS targets,
       COLLECT { MATCH (e)-[:AT]->(p:Place) RETURN p {.*} AS p } AS place,
       COUNT { (:Article)-[:REPORTS]->(e) } AS sources
