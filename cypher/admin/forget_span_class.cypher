// Tests only: strip the span classes and the layout mark, as a database loaded by an older release.
MATCH (e:Event) REMOVE e.span_class
WITH count(*) AS n
MATCH (m:Meta {id: 'events'}) REMOVE m.layout
