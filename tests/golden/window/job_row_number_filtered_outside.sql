-- filtering on a window function's alias in WHERE of the same query (must use a subquery)
CREATE TEMPORARY VIEW v(k, x) AS VALUES ('a', 1), ('a', 2);
CREATE TEMPORARY TABLE out1 (k STRING, x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, x FROM (SELECT k, x, ROW_NUMBER() OVER (PARTITION BY k ORDER BY x DESC) AS rn FROM v) WHERE rn = 1;
