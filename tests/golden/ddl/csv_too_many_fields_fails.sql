-- a csv line with a field more than declared fails the job (one empty field at the end is allowed)
CREATE TABLE t (id INT, name STRING, age INT)
  WITH ('connector' = 'filesystem', 'path' = 'ragged.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM t WHERE id > 3;
