// Tests only: an event's stored properties, to check their Neo4j types.
MATCH (e:Event {id: $id})
RETURN properties(e) AS props, [k IN keys(e) | [k, valueType(e[k])]] AS types
