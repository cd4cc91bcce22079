-- INT / INT is integer division truncating toward zero
CREATE TEMPORARY TABLE out1 (a INT, b INT, q INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(a, b) AS VALUES (7, 2), (-7, 2), (7, -2), (1, 3);
INSERT INTO out1 SELECT a, b, a / b FROM t;
