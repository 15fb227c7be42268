// (:Article)-[:REPORTS]->(:Event), one per (article, event): a new article adds a link, a known one updates it.
UNWIND $rows AS row
MATCH (e:Event {id: row.event})
MERGE (art:Article {id: row.doc})
  ON CREATE SET art.title = '', art.publisher = '', art.url = ''
MERGE (art)-[r:REPORTS]->(e)
SET r.sentence = row.sentence, r.char_start = row.char_start, r.char_end = row.char_end,
    r.date_text = row.date_text, r.start = row.start, r.end = row.end, r.precision = row.precision
