-- PRIMARY KEY on an unknown column
CREATE TABLE t (id INT, PRIMARY KEY (nope) NOT ENFORCED) WITH ('connector' = 'blackhole');
INSERT INTO t SELECT 1;
