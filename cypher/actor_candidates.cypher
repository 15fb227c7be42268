// Actors whose name or an alias contains a query stem; graph.actor_rank ranks them. The full-text
// index actor_search holds each case-folded name and alias as one Lucene term, so "*st1* OR *st2*"
// is the embedded store's substring test, answered from the index. Stems are word characters only
// (actor_rank.stems), never Lucene syntax; no stem, no query. The lowest ids first, as the
// embedded store cuts its candidates.
UNWIND CASE WHEN size($stems) = 0 THEN [] ELSE [
  reduce(q = '', s IN $stems | q + CASE q WHEN '' THEN '' ELSE ' OR ' END + '*' + s + '*')
] END AS query
CALL db.index.fulltext.queryNodes('actor_search', query) YIELD node AS a
RETURN a {.id, .name, .kind, .aliases} AS a
ORDER BY a.id
LIMIT $cap
