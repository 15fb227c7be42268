// Every article reporting one event, with what each said (sentence, offsets, its own date).
MATCH (art:Article)-[r:REPORTS]->(:Event {id: $id})
RETURN art {.*} AS article, r {.*} AS report
ORDER BY art.id
