-- GROUP BY an alias from the SELECT list
CREATE TEMPORARY TABLE out1 (init STRING, n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(name) AS VALUES ('ann'), ('ANN');
INSERT INTO out1 SELECT UPPER(name) AS init, COUNT(*) FROM t GROUP BY init;
-- golden: expect-message (Flink's message must appear in ours)
