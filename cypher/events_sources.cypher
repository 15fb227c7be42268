// Every article reporting each of several events, with what each said; rows by event, then article.
UNWIND $ids AS id
MATCH (art:Article)-[r:REPORTS]->(:Event {id: id})
RETURN id, art {.*} AS article, r {.*} AS report
ORDER BY id, art.id
