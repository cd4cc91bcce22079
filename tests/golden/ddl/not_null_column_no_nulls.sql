-- a NOT NULL sink column receiving a nullable column without NULLs
CREATE TEMPORARY TABLE out1 (id INT NOT NULL, name STRING NOT NULL) WITH ('connector' = 'print');
CREATE TABLE people (id INT, name STRING, age INT, city STRING, joined DATE, active BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'csv');
INSERT INTO out1 SELECT id, name FROM people ORDER BY id;
