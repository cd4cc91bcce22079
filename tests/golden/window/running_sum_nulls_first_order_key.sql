-- running sum over values with NULLs, NULLS FIRST ordering in the window (column not named running, a reserved word)
CREATE TEMPORARY VIEW t (k, ord, v) AS VALUES ('a', 1, 10), ('a', 2, CAST(NULL AS INT)), ('a', 3, 5), ('a', CAST(NULL AS INT), 1), ('b', 1, CAST(NULL AS INT));
CREATE TEMPORARY TABLE out1 (k STRING, ord INT, v INT, running_sum INT, cnt BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT k, ord, v, SUM(v) OVER (PARTITION BY k ORDER BY ord NULLS FIRST ROWS UNBOUNDED PRECEDING), COUNT(v) OVER (PARTITION BY k ORDER BY ord NULLS FIRST ROWS UNBOUNDED PRECEDING)
FROM t ORDER BY k, ord NULLS FIRST;
