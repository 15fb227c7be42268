// (:Event)-[:AT]->(:Place): an event is at one place, so a new known place replaces the old link.
UNWIND $rows AS row
MATCH (e:Event {id: row.event})
MATCH (p:Place {id: row.place})
OPTIONAL MATCH (e)-[old:AT]->(q:Place)
WHERE q.id <> row.place
DELETE old
WITH DISTINCT e, p
MERGE (e)-[:AT]->(p)
