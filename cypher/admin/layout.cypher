// Tests only: the graph's layout mark (graph.version.LAYOUT).
MATCH (m:Meta {id: 'events'}) RETURN m.layout AS layout
