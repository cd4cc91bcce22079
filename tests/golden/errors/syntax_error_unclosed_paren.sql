-- a syntax error: an unclosed parenthesis
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT (1 + 2;
