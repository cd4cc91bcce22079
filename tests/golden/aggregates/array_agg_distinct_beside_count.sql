-- ARRAY_AGG(DISTINCT) beside a plain COUNT(*) is computed
CREATE TEMPORARY VIEW t(k, v) AS VALUES (1, 'a'), (1, 'b'), (1, 'a'), (2, 'c');
CREATE TEMPORARY TABLE out1 (k INT, a ARRAY<STRING>, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, ARRAY_AGG(DISTINCT v), COUNT(*) FROM t GROUP BY k ORDER BY k;
