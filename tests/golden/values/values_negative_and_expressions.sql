-- VALUES rows holding expressions
CREATE TEMPORARY TABLE out1 (a INT, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a, b FROM (VALUES (-1, UPPER('x')), (1 + 1, 'y' || 'z')) AS t(a, b);
