// Actors by name, for an empty search.
MATCH (a:Actor)
RETURN a {.id, .name, .kind, .aliases} AS a
ORDER BY a.name, a.id
LIMIT $limit
