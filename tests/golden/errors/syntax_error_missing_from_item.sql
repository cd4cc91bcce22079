-- a syntax error: a dangling comma in the SELECT list
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1);
INSERT INTO out1 SELECT 1, FROM t;
