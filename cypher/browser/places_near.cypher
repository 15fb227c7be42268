// Places within a distance of a point, nearest first, with how many events happened there: the
// point index place_location answers the distance test (p.location is a WGS-84 point).
// Set first:  :param lat => 33.31
//             :param lon => 44.36
//             :param km => 50
MATCH (p:Place)
WHERE point.distance(p.location, point({latitude: $lat, longitude: $lon})) <= $km * 1000
RETURN p.name AS place, p.country AS country, p.location AS location,
       round(point.distance(p.location, point({latitude: $lat, longitude: $lon})) / 1000, 1) AS km,
       COUNT { (:Event)-[:AT]->(p) } AS events
ORDER BY km, place
