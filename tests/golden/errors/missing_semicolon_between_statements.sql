-- a user's mistake: a missing semicolon between two statements
CREATE TEMPORARY VIEW v (a) AS VALUES (1)
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a FROM v;
