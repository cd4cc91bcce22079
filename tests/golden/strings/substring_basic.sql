-- SUBSTRING(s FROM i FOR n) and SUBSTRING(s, i, n) are 1-based
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT SUBSTRING('hello world' FROM 7), SUBSTRING('hello world', 1, 5), SUBSTRING('hello world' FROM 3 FOR 2);
