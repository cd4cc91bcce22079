-- FIRST_VALUE and LAST_VALUE skip NULL values in the default frames (running with ORDER BY, the whole partition without)
CREATE TEMPORARY TABLE out1 (i INT, a INT, b INT, c INT, d INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(i, k, v) AS VALUES (1, 'x', CAST(NULL AS INT)), (2, 'x', 20), (3, 'x', CAST(NULL AS INT)), (4, 'x', 40), (5, 'x', CAST(NULL AS INT)), (6, 'y', CAST(NULL AS INT));
INSERT INTO out1 SELECT i,
  FIRST_VALUE(v) OVER (PARTITION BY k ORDER BY i),
  LAST_VALUE(v) OVER (PARTITION BY k ORDER BY i),
  FIRST_VALUE(v) OVER (PARTITION BY k),
  LAST_VALUE(v) OVER (PARTITION BY k)
FROM t ORDER BY i;
