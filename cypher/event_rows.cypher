// Events by id with participants (ordered by id), place and number of sources.
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN e {.*, start: toString(e.start), end: toString(e.end)} AS e,
       COLLECT { MATCH (a:Actor)-[:AGENT_OF]->(e) RETURN a {.id, .name, .kind, .aliases} AS a ORDER BY a.id } AS agents,
       COLLECT { MATCH (e)-[:TARGETS]->(t:Actor) RETURN t {.id, .name, .kind, .aliases} AS t ORDER BY t.id } AS targets,
       COLLECT { MATCH (e)-[:AT]->(p:Place) RETURN p {.*} AS p } AS place,
       COUNT { (e)<-[:REPORTS]-() } AS sources
