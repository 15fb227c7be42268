// Link an actor to an organisation it holds a role in; one link per (actor, org, role).
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (o:Actor {id: row.org})
MERGE (a)-[:AFFILIATED_WITH {role: row.role}]->(o)
