-- division of DECIMAL by INT, INT by INT, DOUBLE by INT and AVG of DECIMAL: printed values
CREATE TEMPORARY VIEW v(a, b, c) AS VALUES (CAST(10.00 AS DECIMAL(5, 2)), 4, 3.0E0), (CAST(1.00 AS DECIMAL(5, 2)), 3, 7.0E0);
CREATE TEMPORARY TABLE out1 (d1 DECIMAL(38, 10), i1 INT, f1 DOUBLE, s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a / b, b / 2, c / b, CAST(a / b AS STRING) FROM v ORDER BY b;
