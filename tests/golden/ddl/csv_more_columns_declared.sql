-- a csv file with fewer fields than the table declares
CREATE TABLE t (id INT, name STRING, age INT, city STRING, joined DATE, active BOOLEAN, extra STRING)
  WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, extra STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, extra FROM t ORDER BY id;
