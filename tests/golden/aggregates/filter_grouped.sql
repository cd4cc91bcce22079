-- FILTER (WHERE ...) per group, with DISTINCT, on a NULL condition, and a group it empties
CREATE TEMPORARY TABLE out1 (k STRING, n BIGINT, s INT, nd BIGINT, l STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('a', 3), ('a', 3), ('b', CAST(NULL AS INT)), ('b', 1);
INSERT INTO out1 SELECT k, COUNT(*) FILTER (WHERE v > 1), SUM(v) FILTER (WHERE v > 1), COUNT(DISTINCT v) FILTER (WHERE v > 1),
  LISTAGG(CAST(v AS STRING)) FILTER (WHERE v > 0)
FROM t GROUP BY k ORDER BY k;
