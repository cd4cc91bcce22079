-- ORDER BY an ordinal past the SELECT list is refused
CREATE TEMPORARY TABLE out1 (v INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (1);
INSERT INTO out1 SELECT v FROM t ORDER BY 3;
-- golden: expect-message (Flink's message must appear in ours)
