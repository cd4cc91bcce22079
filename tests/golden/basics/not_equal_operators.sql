-- <> and != both mean not equal
CREATE TEMPORARY TABLE out1 (x INT, ne1 BOOLEAN, ne2 BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2);
INSERT INTO out1 SELECT x, x <> 2, x != 2 FROM t;
