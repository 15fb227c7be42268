// Which of these event ids the graph already holds (the loader creates the others outright).
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN id
