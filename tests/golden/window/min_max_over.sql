-- MIN and MAX over partitions
CREATE TEMPORARY TABLE out1 (k STRING, v INT, mn INT, mx INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 4), ('a', 2), ('b', 7);
INSERT INTO out1 SELECT k, v, MIN(v) OVER (PARTITION BY k), MAX(v) OVER (PARTITION BY k)
FROM t ORDER BY k, v;
