-- functions computed row by row in Python, in a WHERE over a csv table
CREATE TABLE codes (i INT, s STRING, d INT) WITH ('connector' = 'filesystem', 'path' = 'codes.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (i INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (i INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out3 (i INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out4 (i INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT i FROM codes WHERE BIN(i) = '11';
INSERT INTO out2 SELECT i FROM codes WHERE CAST(CAST(d AS DOUBLE) AS STRING) = '3.0';
INSERT INTO out3 SELECT i FROM codes WHERE i <> 1 AND CAST(s AS INT) > 6;
INSERT INTO out4 SELECT i FROM codes WHERE JSON_STRING(s) = '"abc"';
