-- a derived table without an alias
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x FROM (SELECT 1 AS x);
