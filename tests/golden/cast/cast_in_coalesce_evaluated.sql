-- COALESCE evaluates every operand: a CAST of a word fails the job though an earlier operand is not NULL
CREATE TABLE codes (i INT, s STRING, d INT) WITH ('connector' = 'filesystem', 'path' = 'codes.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (i INT, v INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT i, COALESCE(CASE WHEN i = 1 THEN 0 END, CAST(s AS INT)) FROM codes;
