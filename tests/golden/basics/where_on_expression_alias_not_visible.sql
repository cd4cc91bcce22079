-- an alias defined in the SELECT list cannot be used in WHERE
CREATE TEMPORARY TABLE out1 (y INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2);
INSERT INTO out1 SELECT x * 2 AS y FROM t WHERE y > 2;
-- golden: expect-message (Flink's message must appear in ours)
