// Create events the graph does not hold yet, with their participants, sources and place: the
// loader checks which ids exist in the same transaction (existing_events) and sends only the new
// ones here, so nothing needs MERGE's existence checks on links (on a busy actor or article those
// walk every relationship of the node). Rows as in write_events, plus place; the type label and
// the typed attributes are set as there, the links' path-search keys too.
UNWIND $rows AS row
CREATE (e:Event {
  id: row.id, type: row.type, start: row.start, end: row.end, precision: row.precision,
  span_class: row.span_class, summary: row.summary, confidence: row.confidence,
  disputed: row.disputed
})
SET e:$(row.labels), e += row.attrs
WITH e, row, coalesce(row.start, date('9999-12-31')) AS key
CALL (e, row, key) {
  UNWIND row.agents AS actor_id
  MATCH (a:Actor {id: actor_id})
  CREATE (a)-[:AGENT_OF {actor: actor_id, key: key, event: row.id}]->(e)
}
CALL (e, row, key) {
  UNWIND row.targets AS actor_id
  MATCH (t:Actor {id: actor_id})
  CREATE (e)-[:TARGETS {actor: actor_id, key: key, event: row.id}]->(t)
}
CALL (e, row) {
  UNWIND row.sources AS s
  MATCH (art:Article {id: s[0]})
  CREATE (art)-[:REPORTS {
    sentence: s[1], char_start: s[2], char_end: s[3], date_text: s[4], start: s[5], end: s[6], precision: s[7]
  }]->(e)
}
CALL (e, row) {
  MATCH (p:Place {id: row.place})
  CREATE (e)-[:AT]->(p)
}
