-- two extra empty fields on a later line fail the job even when the query reads one column
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'two_trailing_second_line.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM t;
