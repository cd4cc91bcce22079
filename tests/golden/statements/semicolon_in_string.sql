-- a semicolon inside a string literal does not end the statement
CREATE TEMPORARY TABLE out1 (s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 'a;b';
