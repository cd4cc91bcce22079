-- a scalar subquery that returns more than one row fails
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2);
CREATE TEMPORARY TABLE out1 (x INT, y INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x, (SELECT x FROM t) FROM t;
