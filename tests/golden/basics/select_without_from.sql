-- SELECT of constants with no FROM clause
CREATE TEMPORARY TABLE out1 (a INT, b STRING, c BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1 + 1, 'x', TRUE;
