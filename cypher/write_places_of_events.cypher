// (:Event)-[:AT]->(:Place) for rows [event id, place id]: an event is at one place, so a new known
// place replaces the old link. The delete runs per row in a subquery (no Eager over the batch).
UNWIND $rows AS row
MATCH (e:Event {id: row[0]})
MATCH (p:Place {id: row[1]})
CALL (e, p) {
  MATCH (e)-[old:AT]->(q:Place)
  WHERE q <> p
  DELETE old
}
MERGE (e)-[:AT]->(p)
