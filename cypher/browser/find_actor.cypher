// Actors by name or alias from the full-text index actor_search (case-folded names, one Lucene term
// each): Lucene syntax, so *esper* is "contains esper" and hizb* "starts with hizb"; drawn as nodes
// with their kind label (:Actor:Person, :Actor:Group ...).
// Set first:  :param query => '*esper*'
CALL db.index.fulltext.queryNodes('actor_search', $query) YIELD node AS a
RETURN a
ORDER BY a.name
LIMIT 50
