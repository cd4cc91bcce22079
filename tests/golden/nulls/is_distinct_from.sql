-- IS DISTINCT FROM treats NULLs as equal to each other
CREATE TEMPORARY TABLE out1 (a INT, b INT, distinct_ BOOLEAN, not_distinct BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(a, b) AS VALUES (1, 1), (1, CAST(NULL AS INT)), (CAST(NULL AS INT), CAST(NULL AS INT)), (1, 2);
INSERT INTO out1 SELECT a, b, a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b
FROM t;
