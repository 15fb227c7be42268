// The longest event interval in days (0 for an empty graph).
OPTIONAL MATCH (m:Meta {id: 'events'})
RETURN coalesce(m.max_span_days, 0) AS span
