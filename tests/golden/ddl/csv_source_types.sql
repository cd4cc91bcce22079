-- a csv filesystem source with INT, STRING, DATE and BOOLEAN columns
CREATE TABLE people (id INT, name STRING, age INT, city STRING, joined DATE, active BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, joined DATE, active BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, joined, active FROM people ORDER BY id;
