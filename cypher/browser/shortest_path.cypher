// The shortest chain of shared events linking two actors (any dates), drawn as a graph.
// Set first:  :param from => 'person:mark-esper'
//             :param to => 'group:kataib-hizbollah'
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = shortestPath((a)-[:AGENT_OF|TARGETS*..8]-(b))
RETURN p
