-- FIRST_VALUE over an ordered partition
CREATE TEMPORARY TABLE out1 (k STRING, v INT, f INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 3), ('a', 1), ('b', 2);
INSERT INTO out1 SELECT k, v, FIRST_VALUE(v) OVER (PARTITION BY k ORDER BY v) FROM t ORDER BY k, v;
