// Tests only: the labels of nodes by id (the typed labels graph.neo4j_shape gives them).
UNWIND $ids AS id
MATCH (n {id: id})
RETURN id, labels(n) AS labels
ORDER BY id
