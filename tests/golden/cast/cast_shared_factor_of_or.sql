-- OR branches sharing a first condition: the CASTs after it are evaluated only where it holds
CREATE TABLE codes (i INT, s STRING, d INT) WITH ('connector' = 'filesystem', 'path' = 'codes.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (i INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT i FROM codes WHERE (i > 1 AND CAST(s AS INT) > 6) OR (i > 1 AND CAST(s AS INT) < 6);
