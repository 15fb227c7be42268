// Attacks by place: how many rocket, drone and missile attacks, airstrikes and other attacks hit each place.
// Set first:  :param types => ['rocket_attack', 'drone_attack', 'missile_attack', 'airstrike', 'other_attack']
MATCH (e:Event)-[:AT]->(p:Place)
WHERE e.type IN $types
RETURN p.name AS place, p.country AS country, p.lat AS lat, p.lon AS lon,
       count(e) AS attacks, collect(DISTINCT e.type) AS kinds, min(e.start) AS first, max(e.end) AS last
ORDER BY attacks DESC, place
