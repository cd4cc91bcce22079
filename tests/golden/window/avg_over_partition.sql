-- AVG over a partition of INT values
CREATE TEMPORARY TABLE out1 (k STRING, v INT, a INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('a', 2), ('b', 7);
INSERT INTO out1 SELECT k, v, AVG(v) OVER (PARTITION BY k) FROM t ORDER BY k, v;
