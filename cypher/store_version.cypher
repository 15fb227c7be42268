// The store format version recorded on the Meta node (graph.version), and whether any event exists:
// a graph with events and an older version (or none) was loaded by an older release.
OPTIONAL MATCH (m:Meta {id: 'events'})
RETURN m.store_version AS version, EXISTS { MATCH (:Event) } AS events
