// For each actor id, how many links graph.paths may hop along (its event relationships and its
// affiliations either way): an upper bound read from the relationship counts, not the links; and
// the number of events in the graph (the count store), against which graph.neo4j_paths weighs
// reading a hub's page from its relationships or from the event_start index.
// The search pages in the links of actors above graph.paths.BIG instead of reading them at once.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN id, COUNT { (a)-[:AGENT_OF|TARGETS]-() } + COUNT { (a)-[:AFFILIATED_WITH]-() } AS links,
       COUNT { (:Event) } AS events
