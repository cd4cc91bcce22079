-- an inline PRIMARY KEY without NOT ENFORCED
CREATE TABLE t (id INT PRIMARY KEY, x INT) WITH ('connector' = 'blackhole');
INSERT INTO t SELECT 1, 2;
