// Baseline for bench/ only (bench_load via bench_store.naive_load): one auto-commit statement per event, as a naive loader would.
MERGE (e:Event {id: $id})
SET e.type = $type, e.start = $start, e.end = $end, e.precision = $precision, e.summary = $summary,
    e.confidence = $confidence, e.disputed = $disputed
WITH e
CALL (e) { UNWIND $agents AS aid MATCH (a:Actor {id: aid}) MERGE (a)-[:AGENT_OF]->(e) }
CALL (e) { UNWIND $targets AS tid MATCH (t:Actor {id: tid}) MERGE (e)-[:TARGETS]->(t) }
CALL (e) {
  UNWIND $sources AS s
  MERGE (art:Article {id: s.doc})
  MERGE (art)-[r:REPORTS]->(e)
  SET r.sentence = s.sentence, r.char_start = s.char_start, r.char_end = s.char_end
}
