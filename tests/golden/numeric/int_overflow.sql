-- INT arithmetic overflow wraps around as in Java
CREATE TEMPORARY TABLE out1 (a INT, b INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (2147483647);
INSERT INTO out1 SELECT x + 1, x * 2 FROM t;
