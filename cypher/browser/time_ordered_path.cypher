// How did A reach B between two dates? Chains of events (up to 4 hops) whose dates never go
// backwards, all inside the window, shortest and earliest first.
// Set first:  :param from => 'person:mark-esper'
//             :param to => 'group:kataib-hizbollah'
//             :param start => date('2019-10-01')
//             :param end => date('2019-12-31')
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = (a)-[:AGENT_OF|TARGETS*2..8]-(b)
WITH p, [n IN nodes(p) WHERE n:Event] AS events
WHERE all(e IN events WHERE e.start IS NOT NULL AND e.end >= $start AND e.start <= $end)
  AND all(i IN range(0, size(events) - 2) WHERE events[i].start <= events[i + 1].start)
  AND size(reduce(seen = [], n IN nodes(p) | CASE WHEN n IN seen THEN seen ELSE seen + n END)) = size(nodes(p))
RETURN p, [e IN events | e.start] AS dates
ORDER BY length(p), dates
LIMIT 5
