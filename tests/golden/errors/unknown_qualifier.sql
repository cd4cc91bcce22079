-- a column qualified by an alias that does not exist
CREATE TEMPORARY VIEW v(x) AS VALUES (1);
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT w.x FROM v AS t;
-- golden: expect-message (Flink's message must appear in ours)
