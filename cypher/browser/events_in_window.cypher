// Events in a date window, in date order, with who did what to whom and where.
// Set first:  :param start => date('2019-10-28')
//             :param end => date('2019-12-16')
MATCH (e:Event)
WHERE e.start <= $end AND e.end >= $start
OPTIONAL MATCH (a:Actor)-[:AGENT_OF]->(e)
OPTIONAL MATCH (e)-[:TARGETS]->(t:Actor)
OPTIONAL MATCH (e)-[:AT]->(p:Place)
RETURN e.id AS event, e.start AS start, e.end AS end, e.type AS type, e.summary AS summary,
       collect(DISTINCT a.name) AS agents, collect(DISTINCT t.name) AS targets, p.name AS place,
       e.disputed AS disputed
ORDER BY start, end, event
LIMIT 500
