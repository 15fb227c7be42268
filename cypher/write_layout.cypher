// Mark the graph's layout (graph.version.LAYOUT) once its migrations have run (migrate_link_keys
// commits its own transactions, so it cannot mark it itself).
MATCH (m:Meta {id: 'events'})
WHERE coalesce(m.layout, 1) < $layout
SET m.layout = $layout
