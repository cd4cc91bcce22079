-- the column names of a UNION come from its first input
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a FROM (SELECT 1 AS a UNION ALL SELECT 2 AS b) ORDER BY a;
