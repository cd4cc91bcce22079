-- a reserved word as a column alias without AS inside a subquery is refused
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x FROM (SELECT 1 year) AS s(x);
