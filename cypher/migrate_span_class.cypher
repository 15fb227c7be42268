// Give events loaded before the span_class index their class (graph.window.SPAN_CLASSES as
// $bounds: the class is how many bounds lie below the interval's length). The Meta node's layout
// marks a done migration, so this is one index seek on every later start.
MATCH (m:Meta {id: 'events'})
WHERE coalesce(m.layout, 1) < $layout
CALL (m) {
  MATCH (e:Event)
  WHERE e.start IS NOT NULL AND e.span_class IS NULL
  SET e.span_class = size([b IN $bounds WHERE b < duration.inDays(e.start, e.end).days])
}
SET m.layout = $layout
