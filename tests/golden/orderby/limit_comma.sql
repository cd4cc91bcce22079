-- LIMIT start, count is refused (Flink's conformance level)
CREATE TEMPORARY TABLE out1 (v INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (5), (3), (CAST(NULL AS INT)), (9), (1);
INSERT INTO out1 SELECT v FROM t ORDER BY v LIMIT 1, 2;
