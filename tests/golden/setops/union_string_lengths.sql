-- UNION ALL of string literals of different lengths
CREATE TEMPORARY TABLE out1 (s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s || '|' FROM (SELECT 'a' AS s UNION ALL SELECT 'abc' AS s);
