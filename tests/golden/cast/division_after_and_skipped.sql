-- an integer division by zero in an AND's second operand is not evaluated where the first is FALSE
CREATE TABLE codes (i INT, s STRING, d INT) WITH ('connector' = 'filesystem', 'path' = 'codes.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (i INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT i FROM codes WHERE d <> 0 AND i / d >= 1;
