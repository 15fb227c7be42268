// Names of the constraints and indexes in place (the test that checks schema.cypher was applied).
SHOW INDEXES YIELD name, owningConstraint
RETURN name, owningConstraint IS NOT NULL AS constraint
ORDER BY name
