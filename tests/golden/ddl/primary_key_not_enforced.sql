-- PRIMARY KEY ... NOT ENFORCED on a source table
CREATE TABLE people (id INT, name STRING, age INT, city STRING, joined DATE, active BOOLEAN, PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM people WHERE age > 26 ORDER BY id;
