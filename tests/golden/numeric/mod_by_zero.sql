-- MOD(x, 0) on integers
CREATE TEMPORARY TABLE out1 (r INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(a, b) AS VALUES (5, 0);
INSERT INTO out1 SELECT MOD(a, b) FROM t;
