// Every place with its number of events, busiest first.
MATCH (p:Place)
WITH p, COUNT { (:Event)-[:AT]->(p) } AS n
RETURN p {.*} AS p, n
ORDER BY n DESC, p.name, p.id
