-- a user's mistake: SELECT * with GROUP BY
CREATE TEMPORARY VIEW v (k, x) AS VALUES ('a', 1);
CREATE TEMPORARY TABLE out1 (k STRING, x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM v GROUP BY k;
