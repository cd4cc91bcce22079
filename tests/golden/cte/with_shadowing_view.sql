-- a CTE named like a view shadows the view
CREATE TEMPORARY VIEW t(x) AS VALUES (100);
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1
WITH t AS (SELECT 1 AS x)
SELECT x FROM t;
