// Actors whose name or an alias contains a query stem; graph.actor_rank ranks them.
MATCH (a:Actor)
WHERE any(t IN a.terms WHERE any(s IN $stems WHERE t CONTAINS s))
RETURN a {.id, .name, .kind, .aliases} AS a
ORDER BY a.id
LIMIT $cap
