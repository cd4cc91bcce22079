-- a CTE referenced twice in a self-join
CREATE TEMPORARY TABLE out1 (a INT, b INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2);
INSERT INTO out1
WITH nums AS (SELECT x FROM t)
SELECT n1.x, n2.x FROM nums n1 JOIN nums n2 ON n1.x < n2.x;
