-- a selected column that is neither grouped nor aggregated
CREATE TEMPORARY TABLE out1 (k STRING, v INT, n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1);
INSERT INTO out1 SELECT k, v, COUNT(*) FROM t GROUP BY k;
-- golden: expect-message (Flink's message must appear in ours)
