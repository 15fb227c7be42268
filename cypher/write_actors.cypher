// Merge actors by id: aliases and search terms are unioned; a changed name keeps the old one as an alias.
// The kind is a label too (row.labels: graph.neo4j_shape's whitelist, never user text); the terms
// (case-folded name and aliases) feed the full-text index actor_search.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
REMOVE a:$([l IN labels(a) WHERE l <> 'Actor'])
SET a:$(row.labels)
WITH a, row, coalesce(a.aliases, []) AS old
WITH a, row, old + [x IN row.aliases WHERE NOT x IN old] AS merged
WITH a, row, merged + CASE
      WHEN a.name IS NOT NULL AND a.name <> row.name AND NOT a.name IN merged THEN [a.name]
      ELSE []
    END AS aliases
// no aliases: no property (as a bulk import leaves it), read back as []
SET a.aliases = CASE WHEN size(aliases) = 0 THEN null ELSE aliases END,
    a.terms = coalesce(a.terms, []) + [t IN row.terms WHERE NOT t IN coalesce(a.terms, [])],
    a.name = row.name,
    a.kind = row.kind
