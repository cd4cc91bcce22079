-- a syntax error: an unterminated string literal
CREATE TEMPORARY TABLE out1 (a STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 'abc;
