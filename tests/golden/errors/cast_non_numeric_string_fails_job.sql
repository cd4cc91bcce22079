-- a user's mistake: CAST of a non-numeric string to INT fails the job at run time
CREATE TEMPORARY VIEW v (s) AS VALUES ('12'), ('twelve');
CREATE TEMPORARY TABLE out1 (n INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(s AS INT) FROM v;
