-- a PROCTIME() computed column in a batch job: the time the row is read
CREATE TEMPORARY TABLE t (a INT, b STRING, pt AS PROCTIME()) WITH ('connector' = 'filesystem', 'path' = 'proctime_two.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (a INT, b STRING, ok BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a, b, pt IS NOT NULL FROM t;
