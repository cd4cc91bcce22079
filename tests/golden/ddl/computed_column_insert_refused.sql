-- a computed column cannot be written
CREATE TABLE t (a INT, b AS a * 2) WITH ('connector' = 'blackhole');
INSERT INTO t SELECT 1, 2;
