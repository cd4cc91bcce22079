-- a CAST in an OR's second operand is not evaluated where the first is TRUE
CREATE TABLE codes (i INT, s STRING, d INT) WITH ('connector' = 'filesystem', 'path' = 'codes.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (i INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT i FROM codes WHERE i = 1 OR CAST(s AS INT) > 6;
