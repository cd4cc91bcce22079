-- CAST of INT to BOOLEAN: zero is false, anything else true
CREATE TEMPORARY TABLE out1 (x INT, b BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (0), (1), (-5);
INSERT INTO out1 SELECT x, CAST(x AS BOOLEAN) FROM t;
