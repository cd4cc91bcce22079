-- two CTEs, the second reading the first
CREATE TEMPORARY TABLE out1 (k STRING, total INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('a', 2), ('b', 5);
INSERT INTO out1
WITH raw_rows AS (SELECT * FROM t),
     sums AS (SELECT k, SUM(v) AS total FROM raw_rows GROUP BY k)
SELECT k, total FROM sums ORDER BY k;
