// Actors by id (unknown ids are left out).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a {.id, .name, .kind, .aliases} AS a
