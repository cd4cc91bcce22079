-- a CAST in an AND's second operand is evaluated where the first is TRUE: a word there fails the job
CREATE TABLE codes (i INT, s STRING, d INT) WITH ('connector' = 'filesystem', 'path' = 'codes.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (i INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT i FROM codes WHERE i < 3 AND CAST(s AS INT) > 6;
