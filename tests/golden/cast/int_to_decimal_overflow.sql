-- CAST into a DECIMAL too small for the value gives NULL
CREATE TEMPORARY TABLE out1 (x INT, d DECIMAL(3, 1)) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (12), (123), (-99);
INSERT INTO out1 SELECT x, CAST(x AS DECIMAL(3, 1)) FROM t;
