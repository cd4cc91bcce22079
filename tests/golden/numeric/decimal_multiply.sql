-- DECIMAL multiplication: the result scale is the sum of the scales
CREATE TEMPORARY TABLE out1 (r DECIMAL(10, 4)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(1.25 AS DECIMAL(5, 2)) * CAST(2.10 AS DECIMAL(5, 2));
