// Merge articles by id; metadata from the latest load wins.
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.publisher = row.publisher, a.url = row.url, a.published = row.published,
    a.name = row.name
