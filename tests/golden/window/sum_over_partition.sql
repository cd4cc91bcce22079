-- SUM OVER a partition without ORDER BY gives the partition total
CREATE TEMPORARY TABLE out1 (k STRING, v INT, total INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('a', 2), ('b', 5);
INSERT INTO out1 SELECT k, v, SUM(v) OVER (PARTITION BY k)
FROM t ORDER BY k, v;
