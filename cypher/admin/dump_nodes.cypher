// Tests only: every node with its labels and properties (a bulk-imported graph against a loaded one).
MATCH (n)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
ORDER BY id
