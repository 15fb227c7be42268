// Events per type (dated or not), for `eventgraph stats` and /health.
MATCH (e:Event)
RETURN e.type AS type, count(*) AS n
ORDER BY type
