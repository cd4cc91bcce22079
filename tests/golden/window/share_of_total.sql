-- each row's share of its group total, as a DOUBLE
CREATE TEMPORARY TABLE out1 (k STRING, v INT, share DOUBLE) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('a', 3), ('b', 2);
INSERT INTO out1 SELECT k, v, CAST(v AS DOUBLE) / SUM(v) OVER (PARTITION BY k) FROM t ORDER BY k, v;
