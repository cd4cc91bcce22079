-- DECIMAL values of different scales compare by value
CREATE TEMPORARY TABLE out1 (eq BOOLEAN, lt BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(1.5 AS DECIMAL(3, 1)) = CAST(1.50 AS DECIMAL(4, 2)), CAST(1.05 AS DECIMAL(4, 2)) < 1.1;
