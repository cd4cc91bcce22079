-- a scalar subquery with no row is NULL
CREATE TEMPORARY VIEW t(x) AS VALUES (1);
CREATE TEMPORARY TABLE out1 (x INT, y INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x, (SELECT x FROM t WHERE x > 5) FROM t;
