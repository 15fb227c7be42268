// Actors whose name or an alias contains a query stem; graph.actor_rank ranks them. $query is
// "*st1* OR *st2*" over the full-text index actor_search (graph.neo4j_shape.fulltext_query escapes
// it); the lowest ids first, as the embedded store cuts its candidates.
CALL db.index.fulltext.queryNodes('actor_search', $query) YIELD node AS a
RETURN a {.id, .name, .kind, .aliases} AS a
ORDER BY a.id
LIMIT $cap
