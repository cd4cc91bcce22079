-- ARRAY_AGG(DISTINCT) beside COUNT(DISTINCT) is computed: both are distinct aggregates
CREATE TEMPORARY VIEW t(k, v) AS VALUES (1, 'a'), (1, 'b'), (1, 'a'), (2, 'c');
CREATE TEMPORARY TABLE out1 (k INT, a ARRAY<STRING>, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, ARRAY_AGG(DISTINCT v), COUNT(DISTINCT v) FROM t GROUP BY k ORDER BY k;
