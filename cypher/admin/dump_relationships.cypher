// Tests only: every relationship with its ends and properties (a bulk-imported graph against a loaded one).
MATCH (a)-[r]->(b)
RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props
ORDER BY start, type, end
