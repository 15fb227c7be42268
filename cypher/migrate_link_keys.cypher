// Give the event links of a graph loaded before the per-actor link index (layout 3) their keys, as
// write_events.cypher sets them: on AGENT_OF and TARGETS the actor's id, the event's start (9999-12-31
// when undated: graph.paths orders undated links last) and the event's id, which the link_key
// indexes (schema.cypher) keep in the path search's order per actor. Run in its own transactions
// (an auto-commit statement): a graph of millions of links is not one transaction. Idempotent: an
// interrupted run is started again at the next start; the caller marks the layout afterwards.
MATCH (m:Meta {id: 'events'})
WHERE coalesce(m.layout, 1) < $layout
MATCH (e:Event)
CALL (e) {
  WITH e, coalesce(e.start, date('9999-12-31')) AS key
  CALL (e, key) {
    MATCH (a:Actor)-[r:AGENT_OF]->(e)
    SET r.actor = a.id, r.key = key, r.event = e.id
  }
  CALL (e, key) {
    MATCH (e)-[r:TARGETS]->(t:Actor)
    SET r.actor = t.id, r.key = key, r.event = e.id
  }
} IN TRANSACTIONS OF 5000 ROWS
