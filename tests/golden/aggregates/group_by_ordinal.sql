-- GROUP BY 1 is not a column ordinal by default
CREATE TEMPORARY TABLE out1 (k STRING, n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k) AS VALUES ('a'), ('a'), ('b');
INSERT INTO out1 SELECT k, COUNT(*) FROM t GROUP BY 1;
-- golden: expect-message (Flink's message must appear in ours)
