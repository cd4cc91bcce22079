-- PRIMARY KEY on a computed column
CREATE TABLE t (id INT, b AS id + 1, PRIMARY KEY (b) NOT ENFORCED) WITH ('connector' = 'blackhole');
INSERT INTO t SELECT 1;
