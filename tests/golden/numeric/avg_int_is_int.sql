-- AVG of an INT column is an INT (integer average)
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2), (4);
INSERT INTO out1 SELECT AVG(x) FROM t;
