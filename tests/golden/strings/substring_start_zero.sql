-- SUBSTRING with start 0
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT SUBSTRING('hello', 0, 2), SUBSTRING('hello', 0);
