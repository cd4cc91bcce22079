-- a user's mistake: the same table created twice
CREATE TABLE t1 (a INT) WITH ('connector' = 'print');
CREATE TABLE t1 (a INT, b INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW v (a) AS VALUES (1);
INSERT INTO t1 SELECT a FROM v;
