// The longest event interval in days: bounds overlap windows so they stay index range scans. A new
// generation: the graph changed (cypher/generation.cypher).
MERGE (m:Meta {id: 'events'})
SET m.max_span_days = CASE
  WHEN coalesce(m.max_span_days, 0) >= $span THEN coalesce(m.max_span_days, 0)
  ELSE $span
END,
m.generation = randomUUID()
