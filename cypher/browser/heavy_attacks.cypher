// Attacks by their typed attributes: every attack (any of the :Event type labels below) that fired at
// least $min_count rockets, drones or shells, or killed at least $min_killed, with its place. The
// attributes are properties of their own types (e.count, e.killed, e.casualties_killed, e.weapon),
// so Cypher compares them as numbers.
// Set first:  :param min_count => 10
//             :param min_killed => 1
MATCH (e:RocketAttack|DroneAttack|MissileAttack|Airstrike|OtherAttack)
WHERE e.count >= $min_count OR coalesce(e.killed, e.casualties_killed) >= $min_killed
OPTIONAL MATCH (e)-[:AT]->(p:Place)
RETURN e.id AS event, labels(e) AS labels, e.start AS date, e.count AS count, e.weapon AS weapon,
       coalesce(e.killed, e.casualties_killed) AS killed, coalesce(e.wounded, e.casualties_wounded) AS wounded,
       p.name AS place, e.summary AS summary
ORDER BY date, event
