-- SUBSTRING with a string position
CREATE TEMPORARY TABLE out1 (s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT SUBSTRING('abc', 'x');
