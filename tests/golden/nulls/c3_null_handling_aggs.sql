-- NULLs: COUNT(col) vs COUNT(*), AVG ignoring NULLs, COALESCE, NULLIF, IS DISTINCT FROM, IFNULL [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW t (k, v, w) AS VALUES
  ('a', 1, CAST(NULL AS INT)), ('a', CAST(NULL AS INT), 2), ('b', CAST(NULL AS INT), CAST(NULL AS INT)), ('b', 4, 4);
SELECT k, COUNT(*), COUNT(v), SUM(v), AVG(v), MIN(w), MAX(COALESCE(v, w, -1)) FROM t GROUP BY k ORDER BY k;
SELECT k, v, w, NULLIF(v, 4), v IS DISTINCT FROM w, v IS NOT DISTINCT FROM w, IFNULL(v, 0) + IFNULL(w, 0), v = w FROM t ORDER BY k, v NULLS FIRST;
