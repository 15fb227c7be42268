// First start and last end over dated events.
MATCH (e:Event)
WHERE e.start IS NOT NULL
RETURN min(e.start) AS first, max(e.end) AS last
