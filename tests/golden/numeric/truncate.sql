-- TRUNCATE(x, n) cuts digits without rounding
CREATE TEMPORARY TABLE out1 (a DECIMAL(5, 2), b DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TRUNCATE(CAST(3.789 AS DECIMAL(5, 3)), 2), TRUNCATE(CAST(-3.789 AS DOUBLE), 1);
