// Tests only: drop the store format version, as on a graph an older release loaded.
MATCH (m:Meta {id: 'events'}) REMOVE m.store_version
