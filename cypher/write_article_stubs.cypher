// Articles a source cites but the batch does not describe: created empty, an existing one is kept.
UNWIND $ids AS id
MERGE (a:Article {id: id})
  ON CREATE SET a.title = '', a.publisher = '', a.url = ''
