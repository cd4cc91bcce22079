-- a reserved word as a column alias without AS, before FROM, is refused
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x year FROM (SELECT 1 AS x) AS s;
