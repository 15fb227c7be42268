// What changes whenever a load writes (write_meta.cypher) or the graph is wiped: HTTP validators
// (ETag) are derived from it. Null on an empty graph and on one no load of this release wrote.
OPTIONAL MATCH (m:Meta {id: 'events'})
RETURN m.generation AS generation, m.store_version AS version
