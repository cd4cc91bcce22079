-- a CAST in a CASE branch a row does not take is not evaluated for it
CREATE TABLE codes (i INT, s STRING, d INT) WITH ('connector' = 'filesystem', 'path' = 'codes.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (i INT, v INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT i, CASE WHEN REGEXP(s, '^[0-9]+$') THEN CAST(s AS INT) ELSE -1 END FROM codes;
