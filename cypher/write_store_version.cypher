// Mark an empty graph as one of this store format (graph.version). Its events will all carry a
// span class, so the layout is marked current too (migrate_span_class has nothing to do).
MERGE (m:Meta {id: 'events'})
SET m.store_version = $version, m.layout = coalesce(m.layout, $layout)
