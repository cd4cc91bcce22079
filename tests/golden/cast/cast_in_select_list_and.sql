-- an AND in the SELECT list skips its CAST where the first operand is FALSE
CREATE TABLE codes (i INT, s STRING, d INT) WITH ('connector' = 'filesystem', 'path' = 'codes.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (i INT, b BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT i, i > 1 AND CAST(s AS INT) > 6 FROM codes;
