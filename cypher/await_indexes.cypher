// Wait until every index is online (after schema.cypher on a freshly imported graph the indexes
// are still being populated; reads before that would miss matches of the full-text index).
CALL db.awaitIndexes($seconds)
