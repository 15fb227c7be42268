// How many articles, events, dated events, actors, places and disputed events the graph holds.
RETURN COUNT { (:Article) } AS articles, COUNT { (:Event) } AS events, COUNT { (:Actor) } AS actors,
       COUNT { (:Place) } AS places, COUNT { MATCH (e:Event) WHERE e.disputed RETURN e } AS disputed,
       COUNT { MATCH (e:Event) WHERE e.start IS NOT NULL RETURN e } AS dated
