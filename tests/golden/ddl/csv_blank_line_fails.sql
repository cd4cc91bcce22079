-- a blank line in a csv file is one empty field: too few for the query
CREATE TABLE t (id INT, name STRING)
  WITH ('connector' = 'filesystem', 'path' = 'blank_line.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM t;
