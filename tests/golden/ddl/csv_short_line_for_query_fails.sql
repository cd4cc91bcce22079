-- a line with fewer fields than the columns the query reads fails the job
CREATE TABLE t (id INT, name STRING, age INT)
  WITH ('connector' = 'filesystem', 'path' = 'one_field.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, age INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, age FROM t;
