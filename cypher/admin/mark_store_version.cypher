// Tests only: record another store format version, as on a graph another release loaded.
MATCH (m:Meta {id: 'events'}) SET m.store_version = $version
