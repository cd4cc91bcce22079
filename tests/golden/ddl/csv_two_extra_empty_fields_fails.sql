-- a csv line with two extra empty fields (1,a,, for two columns) fails the job: only one empty field at the end is allowed
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'two_trailing.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM t;
