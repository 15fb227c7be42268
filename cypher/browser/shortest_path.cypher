// The shortest chain linking two actors (any dates), drawn as a graph: through shared events
// (A)-[:AGENT_OF|TARGETS]-(:Event)-[:AGENT_OF|TARGETS]-(B) and through affiliations, either way
// (A)-[:AFFILIATED_WITH {role}]-(B) ("Esper -Secretary of Defense-> United States",
// "Kata'ib Hezbollah -member-> Iran-backed militias"). Neo4j counts relationships, so an affiliation
// (one) weighs half a shared event (two) here; GET /path counts both as one hop.
// Set first:  :param from => 'person:mark-esper'
//             :param to => 'group:kataib-hezbollah'
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = shortestPath((a)-[:AGENT_OF|TARGETS|AFFILIATED_WITH*..8]-(b))
RETURN p
