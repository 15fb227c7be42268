// One actor, its affiliations in both directions (with the other ends) and its number of events.
MATCH (a:Actor {id: $id})
RETURN a {.id, .name, .kind, .aliases} AS a,
       COLLECT { MATCH (a)-[r:AFFILIATED_WITH]->(o:Actor)
                 RETURN {actor: a.id, org: o.id, role: r.role, other: o {.id, .name, .kind, .aliases}} AS x
                 UNION
                 MATCH (o:Actor)-[r:AFFILIATED_WITH]->(a)
                 RETURN {actor: o.id, org: a.id, role: r.role, other: o {.id, .name, .kind, .aliases}} AS x
               } AS affiliations,
       COUNT { MATCH (a)-[:AGENT_OF|TARGETS]-(e:Event) RETURN DISTINCT e } AS events
