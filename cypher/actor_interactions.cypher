// Actors sharing events with one actor: how many events, first start, last end, event types.
MATCH (a:Actor {id: $id})-[:AGENT_OF|TARGETS]-(e:Event)-[:AGENT_OF|TARGETS]-(o:Actor)
WHERE o <> a
WITH DISTINCT o, e
WITH o, count(e) AS n, min(e.start) AS first, max(e.end) AS last, collect(DISTINCT e.type) AS types
RETURN o {.id, .name, .kind, .aliases} AS o, n, first, last, types
ORDER BY n DESC, o.name, o.id
LIMIT $cap
