// (:Actor)-[:AGENT_OF]->(:Event) for every known actor; never duplicated.
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (e:Event {id: row.event})
MERGE (a)-[:AGENT_OF]->(e)
