-- a user's mistake: LAG with four arguments
CREATE TEMPORARY VIEW v (k, x) AS VALUES ('a', 1), ('a', 2);
CREATE TEMPORARY TABLE out1 (p INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT LAG(x, 1, 0, 5) OVER (PARTITION BY k ORDER BY x) FROM v;
