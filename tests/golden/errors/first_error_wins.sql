-- two bad statements: the first one is reported
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1);
INSERT INTO out1 SELECT nope1 FROM t;
INSERT INTO out1 SELECT nope2 FROM t;
-- golden: expect-message (Flink's message must appear in ours)
