-- DECIMAL + INT keeps the decimal scale
CREATE TEMPORARY TABLE out1 (r DECIMAL(13, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(1.50 AS DECIMAL(10, 2)) + 2;
