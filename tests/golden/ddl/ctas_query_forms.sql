-- CTAS of a parenthesized set operation, a WITH query, ORDER BY ... LIMIT, VALUES and unnamed columns
CREATE TABLE t1 WITH ('connector' = 'print') AS (SELECT 1 AS a) UNION ALL (SELECT 2);
CREATE TABLE t2 WITH ('connector' = 'print') AS WITH w AS (SELECT 3 AS a) SELECT a FROM w;
CREATE TABLE t3 WITH ('connector' = 'print') AS SELECT a FROM (VALUES (5), (4)) AS v(a) ORDER BY a LIMIT 1;
CREATE TABLE t4 WITH ('connector' = 'print') AS VALUES (1, 'p'), (2, 'q');
CREATE TABLE t5 WITH ('connector' = 'print') AS SELECT 1, 'x', CAST(NULL AS INT);
