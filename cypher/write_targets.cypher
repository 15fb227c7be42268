// (:Event)-[:TARGETS]->(:Actor) for every known actor; never duplicated.
UNWIND $rows AS row
MATCH (e:Event {id: row.event})
MATCH (a:Actor {id: row.actor})
MERGE (e)-[:TARGETS]->(a)
