// Delete the whole graph in chunks (tests and `eventgraph load --replace` only). Each statement
// must run as an auto-commit transaction (session.run): CALL { ... } IN TRANSACTIONS commits every
// 10,000 rows, so no transaction holds more than that, whatever the graph's size (1M events and up).
// Relationships go first, so that deleting a hub node never holds all its relationships in one
// transaction; DETACH DELETE then also removes any link a concurrent writer added in between.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS;
