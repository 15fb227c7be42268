// The graph's schema, applied at every start (IF NOT EXISTS makes it idempotent).
// Uniqueness constraints back every MERGE on an id; the indexes serve timeline windows
// (Event span class + start, start/end, type) and actor lookup by name.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (n:Meta) REQUIRE n.id IS UNIQUE;
CREATE INDEX event_span_start IF NOT EXISTS FOR (e:Event) ON (e.span_class, e.start);
CREATE INDEX event_start IF NOT EXISTS FOR (e:Event) ON (e.start);
CREATE INDEX event_end IF NOT EXISTS FOR (e:Event) ON (e.end);
CREATE INDEX event_type IF NOT EXISTS FOR (e:Event) ON (e.type);
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
