// Merge events by id; the latest load's properties win (participants and sources are merged separately).
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
SET e.type = row.type, e.start = row.start, e.end = row.end, e.precision = row.precision,
    e.summary = row.summary, e.confidence = row.confidence, e.disputed = row.disputed,
    e.speech_act = row.speech_act, e.attributes = row.attributes
