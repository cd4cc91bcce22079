-- ARRAY_AGG beside COUNT(DISTINCT): Flink computes the plain aggregate through MIN, which takes no ARRAY
-- golden: expect-message
CREATE TEMPORARY VIEW t(k, v) AS VALUES (1, 'a'), (1, 'b'), (1, 'a'), (2, 'c');
CREATE TEMPORARY TABLE out1 (k INT, a ARRAY<STRING>, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, ARRAY_AGG(v), COUNT(DISTINCT v) FROM t GROUP BY k;
