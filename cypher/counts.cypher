// How many articles, events, actors, places and disputed events the graph holds.
RETURN COUNT { (:Article) } AS articles, COUNT { (:Event) } AS events, COUNT { (:Actor) } AS actors,
       COUNT { (:Place) } AS places, COUNT { MATCH (e:Event) WHERE e.disputed RETURN e } AS disputed
