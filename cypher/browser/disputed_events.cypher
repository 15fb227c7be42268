// Disputed events: where articles disagree on the date, each article's claim side by side.
// Set first:  :param type => null   (every type; or e.g. 'phone_call')
MATCH (art:Article)-[r:REPORTS]->(e:Event {disputed: true})
WHERE $type IS NULL OR e.type = $type
RETURN e.id AS event, e.type AS type, e.summary AS summary, e.start AS best_date,
       collect({article: art.title, publisher: art.publisher, said: r.date_text, start: r.start, end: r.end})
         AS claims
ORDER BY best_date, event
