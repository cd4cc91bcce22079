-- a sorted OFFSET without LIMIT or FETCH is refused by Flink's batch planner
CREATE TEMPORARY TABLE out1 (v INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (5), (3), (CAST(NULL AS INT)), (9), (1);
INSERT INTO out1 SELECT v FROM t ORDER BY v OFFSET 2 ROWS;
