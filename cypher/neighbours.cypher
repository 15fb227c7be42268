// Actors sharing a link graph.paths may hop along with any of these actors: events overlapping the
// window ($win_start..$win_end, both null for none; dated events only when $dated) and affiliations.
// One step of the path search's hop-distance bound: the server walks a hub's events and sends back
// only the distinct actor ids, not the events.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  MATCH (a)-[:AGENT_OF|TARGETS]-(e:Event)
  WHERE ($win_start IS NULL OR (e.start <= $win_end AND e.end >= $win_start))
    AND (NOT $dated OR e.start IS NOT NULL)
  MATCH (e)-[:AGENT_OF|TARGETS]-(x:Actor)
  RETURN x
  UNION
  MATCH (a)-[:AFFILIATED_WITH]-(x:Actor)
  RETURN x
}
RETURN DISTINCT x.id AS id
