-- HASH_CODE of a string is Java's String.hashCode
CREATE TEMPORARY TABLE out1 (h INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT HASH_CODE('hello');
