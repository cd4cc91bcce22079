-- two FROM items with the same alias
CREATE TEMPORARY VIEW v(x) AS VALUES (1);
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT t.x FROM v AS t, v AS t;
-- golden: expect-message (Flink's message must appear in ours)
