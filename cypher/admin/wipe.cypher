// Delete the whole graph in chunks (tests and `eventgraph load --replace` only; auto-commit).
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
