-- a plain column beside an aggregate with no GROUP BY
CREATE TEMPORARY TABLE out1 (k STRING, n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k) AS VALUES ('a');
INSERT INTO out1 SELECT k, COUNT(*) FROM t;
-- golden: expect-message (Flink's message must appear in ours)
