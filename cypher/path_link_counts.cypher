// For each actor id, how many links graph.paths may hop along (its event relationships and its
// affiliations either way): an upper bound read from the relationship counts, not the links.
// The search pages in the links of actors above graph.paths.BIG instead of reading them at once;
// graph.neo4j_paths sends the rest at once for an actor of few links.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN id, COUNT { (a)-[:AGENT_OF|TARGETS]-() } + COUNT { (a)-[:AFFILIATED_WITH]-() } AS links
