-- GROUP BY over an empty input gives no rows
CREATE TEMPORARY TABLE out1 (k STRING, n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, x) AS VALUES ('a', 1);
INSERT INTO out1 SELECT k, COUNT(*) FROM t WHERE x > 10 GROUP BY k;
