// Delete the whole graph in small chunks (tests and `eventgraph load --replace` only; auto-commit).
// Relationships go first so that deleting a hub node never holds all its relationships in one transaction.
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 5000 ROWS;
MATCH (n)
CALL (n) { DELETE n } IN TRANSACTIONS OF 5000 ROWS;
