-- a CTAS whose job fails at run time (a bad csv field): Flink reports it at the CTAS
CREATE TEMPORARY TABLE t (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = 'c3_bad_ints.csv', 'format' = 'csv');
CREATE TABLE c WITH ('connector' = 'print') AS SELECT id, qty FROM t;
