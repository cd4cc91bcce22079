-- HAVING on a column that is not grouped
CREATE TEMPORARY TABLE out1 (k STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1);
INSERT INTO out1 SELECT k FROM t GROUP BY k HAVING v > 0;
-- golden: expect-message (Flink's message must appear in ours)
