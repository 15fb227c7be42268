// The graph's schema, applied at every start (IF NOT EXISTS makes it idempotent).
// Uniqueness constraints back every MERGE on an id; the indexes serve timeline windows
// (Event span class + start, start/end, type), actor lookup by name and search, places by location.
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (n:Meta) REQUIRE n.id IS UNIQUE;
CREATE INDEX event_span_start IF NOT EXISTS FOR (e:Event) ON (e.span_class, e.start);
CREATE INDEX event_start IF NOT EXISTS FOR (e:Event) ON (e.start);
CREATE INDEX event_end IF NOT EXISTS FOR (e:Event) ON (e.end);
CREATE INDEX event_type IF NOT EXISTS FOR (e:Event) ON (e.type);
// Each actor's event links in graph.paths' search order (key: the event's start, 9999-12-31 when
// undated; then the event id): a page of a hub's links, or of the links two hubs share, is one
// index range (path_links_page, path_links_between). Written by write_events / write_new_events,
// the bulk files (graph.bulk_csv) and, for graphs of layout < 3, migrate_link_keys.
CREATE INDEX agent_of_key IF NOT EXISTS FOR ()-[r:AGENT_OF]-() ON (r.actor, r.key, r.event);
CREATE INDEX targets_key IF NOT EXISTS FOR ()-[r:TARGETS]-() ON (r.actor, r.key, r.event);
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
// Actor search (actor_candidates): the case-folded name and aliases (a.terms), each one whole
// Lucene term (keyword analyzer), queried with *stem* wildcards: the same substring test as the
// embedded store's, answered from the index instead of a scan over every actor.
CREATE FULLTEXT INDEX actor_search IF NOT EXISTS FOR (a:Actor) ON EACH [a.terms]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false}};
// Places by distance or bounding box: point.distance(p.location, point({...})) < $metres.
CREATE POINT INDEX place_location IF NOT EXISTS FOR (p:Place) ON (p.location);
