// Merge a batch of events with their participants and sources in one statement: rows nest an
// event's agents, targets and sources ([doc, sentence, char_start, char_end, date_text, start,
// end, precision]) so the batch is one round trip. Every MERGE seeks a uniqueness constraint's
// index; links are MERGEd from the event side (an event has few links), so a reload adds nothing.
// Actors and articles are written beforehand (write_actors, write_articles, write_article_stubs);
// links to unknown actors are skipped. The latest load's properties win: the type label is
// replaced (row.labels: graph.neo4j_shape's whitelist, never user text) and row.attrs (every
// attribute property, null for absent ones) clears what an earlier load set. Every AGENT_OF and
// TARGETS link carries its path-search key (actor id, the event's start or 9999-12-31 when undated,
// event id: the link_key indexes of schema.cypher, read by path_links_page), set again on a reload
// so a re-dated event moves in its actors' orders.
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
REMOVE e:$([l IN labels(e) WHERE l <> 'Event'])
SET e:$(row.labels), e.type = row.type, e.start = row.start, e.end = row.end, e.precision = row.precision,
    e.span_class = row.span_class,
    e.summary = row.summary, e.confidence = row.confidence, e.disputed = row.disputed
SET e += row.attrs
WITH e, row, coalesce(row.start, date('9999-12-31')) AS key
CALL (e, row, key) {
  UNWIND row.agents AS actor_id
  MATCH (a:Actor {id: actor_id})
  MERGE (a)-[r:AGENT_OF]->(e)
  SET r.actor = actor_id, r.key = key, r.event = row.id
}
CALL (e, row, key) {
  UNWIND row.targets AS actor_id
  MATCH (t:Actor {id: actor_id})
  MERGE (e)-[r:TARGETS]->(t)
  SET r.actor = actor_id, r.key = key, r.event = row.id
}
CALL (e, row) {
  UNWIND row.sources AS s
  MATCH (art:Article {id: s[0]})
  MERGE (art)-[r:REPORTS]->(e)
  SET r.sentence = s[1], r.char_start = s[2], r.char_end = s[3], r.date_text = s[4],
      r.start = s[5], r.end = s[6], r.precision = s[7]
}
