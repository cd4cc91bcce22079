-- CAST of a non-numeric string to INT fails the job at run time
CREATE TEMPORARY TABLE out1 (i INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('12'), ('abc');
INSERT INTO out1 SELECT CAST(s AS INT) FROM t;
