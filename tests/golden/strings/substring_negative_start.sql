-- SUBSTRING with a negative start
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT SUBSTRING('hello', -3), SUBSTRING('hello', -3, 2);
