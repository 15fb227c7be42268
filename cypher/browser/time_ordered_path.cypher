// How did A reach B between two dates? Chains (up to 4 hops) of shared events and affiliations
// (either way), whose events never go backwards in time and all fall inside the window;
// affiliations carry no date, so they neither break the order nor leave the window. Fewest hops
// (an event or an affiliation is one hop each) and earliest first.
// Set first:  :param from => 'person:mark-esper'
//             :param to => 'group:kataib-hezbollah'
//             :param start => date('2019-10-01')
//             :param end => date('2021-12-31')
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = (a)-[:AGENT_OF|TARGETS|AFFILIATED_WITH*1..8]-(b)
WITH p, [n IN nodes(p) WHERE n:Event] AS events,
     size([r IN relationships(p) WHERE type(r) = 'AFFILIATED_WITH']) AS affiliations
WITH p, events, size(events) + affiliations AS hops
WHERE hops <= 4
  AND all(e IN events WHERE e.start IS NOT NULL AND e.end >= $start AND e.start <= $end)
  AND all(i IN range(0, size(events) - 2) WHERE events[i].start <= events[i + 1].start)
  AND size(reduce(seen = [], n IN nodes(p) | CASE WHEN n IN seen THEN seen ELSE seen + n END)) = size(nodes(p))
RETURN p, hops, [e IN events | e.start] AS dates
ORDER BY hops, dates
LIMIT 5
