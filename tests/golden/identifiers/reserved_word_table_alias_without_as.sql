-- a reserved word as a table alias without AS is refused
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x FROM (SELECT 1 AS x) year;
