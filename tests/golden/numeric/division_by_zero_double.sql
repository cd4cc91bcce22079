-- DOUBLE division by zero gives Infinity or NaN
CREATE TEMPORARY TABLE out1 (a DOUBLE, b DOUBLE, c DOUBLE) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1.5e0);
INSERT INTO out1 SELECT x / 0.0e0, -x / 0.0e0, 0.0e0 / 0.0e0 FROM t;
