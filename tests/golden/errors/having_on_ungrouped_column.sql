-- a user's mistake: HAVING on a column that is not grouped
CREATE TEMPORARY VIEW v (k, x) AS VALUES ('a', 1), ('b', 2);
CREATE TEMPORARY TABLE out1 (k STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, COUNT(*) FROM v GROUP BY k HAVING x > 1;
