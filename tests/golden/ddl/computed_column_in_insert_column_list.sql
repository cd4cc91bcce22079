-- an INSERT column list naming a computed column
CREATE TABLE t (a INT, b AS a * 2) WITH ('connector' = 'blackhole');
INSERT INTO t (a, b) SELECT 1, 2;
