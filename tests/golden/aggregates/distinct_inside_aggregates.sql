-- DISTINCT inside SUM, AVG, MAX, LISTAGG and ARRAY_AGG beside COUNT(DISTINCT) and plain aggregates
CREATE TEMPORARY TABLE out1 (k STRING, nd BIGINT, n BIGINT, s INT, sd INT, ad INT, md STRING, ld STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v, w) AS VALUES ('a', 1, 'p'), ('a', 1, 'q'), ('a', 2, 'p'), ('b', 5, 'r'), ('b', CAST(NULL AS INT), 'r'), ('b', 7, CAST(NULL AS STRING));
INSERT INTO out1 SELECT k, COUNT(DISTINCT v), COUNT(*), SUM(v), SUM(DISTINCT v), AVG(DISTINCT v), MAX(DISTINCT w), LISTAGG(DISTINCT w, '|')
FROM t GROUP BY k ORDER BY k;
