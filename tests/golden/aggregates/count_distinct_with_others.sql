-- COUNT(DISTINCT) beside COUNT and SUM in one query
CREATE TEMPORARY TABLE out1 (k STRING, n BIGINT, nd BIGINT, s INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('a', 1), ('a', 2), ('b', 5), ('b', CAST(NULL AS INT));
INSERT INTO out1 SELECT k, COUNT(*), COUNT(DISTINCT v), SUM(v)
FROM t
GROUP BY k ORDER BY k;
