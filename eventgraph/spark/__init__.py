"""Extraction on Apache Spark: the per-article work in executors, the cross-article merge over blocks,
finished parts kept for a resumed run, and partitions written into Neo4j (``pip install .[spark]``)."""
