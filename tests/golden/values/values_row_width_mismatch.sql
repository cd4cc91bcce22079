-- VALUES rows of different widths are refused
CREATE TEMPORARY TABLE out1 (a INT, b INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a, b FROM (VALUES (1, 2), (3)) AS t(a, b);
