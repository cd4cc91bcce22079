-- IN with a list of mixed incompatible types
CREATE TEMPORARY TABLE out1 (b BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1 IN ('a', DATE '2024-01-01');
