-- SUBSTRING past the end of the string gives what is there, or an empty string
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT SUBSTRING('abc', 2, 10), SUBSTRING('abc', 5), CHAR_LENGTH(SUBSTRING('abc', 5));
