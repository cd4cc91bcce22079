-- a view's CAST is not evaluated for the rows an outer WHERE drops (Flink merges the two)
CREATE TABLE codes (i INT, s STRING, d INT) WITH ('connector' = 'filesystem', 'path' = 'codes.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW typed AS SELECT i, CAST(s AS INT) AS n FROM codes;
CREATE TEMPORARY TABLE out1 (i INT, n INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT i, n FROM typed WHERE i <> 1;
