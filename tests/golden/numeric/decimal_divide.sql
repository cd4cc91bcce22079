-- DECIMAL division result scale
CREATE TEMPORARY TABLE out1 (r DECIMAL(38, 6)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(10 AS DECIMAL(10, 2)) / CAST(3 AS DECIMAL(10, 2));
