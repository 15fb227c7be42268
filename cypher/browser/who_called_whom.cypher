// Who called whom: every phone call with caller, callee, date and how many articles report it.
// Set first (optional window, use null for open ends):
//   :param start => date('2019-01-01')
//   :param end => date('2020-12-31')
MATCH (caller:Actor)-[:AGENT_OF]->(e:Event {type: 'phone_call'})-[:TARGETS]->(callee:Actor)
WHERE ($start IS NULL OR e.end >= $start) AND ($end IS NULL OR e.start <= $end)
RETURN caller.name AS caller, callee.name AS callee, e.start AS date, e.disputed AS disputed,
       COUNT { (:Article)-[:REPORTS]->(e) } AS sources
ORDER BY date, caller, callee
