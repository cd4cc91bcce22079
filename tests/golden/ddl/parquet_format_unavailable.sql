-- parquet is not on the classpath of the reference Flink
CREATE TABLE t (id INT) WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'parquet');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM t;
