-- a metadata column of a type the key's value cannot be cast to
CREATE TABLE people (id INT, name STRING, age INT, city STRING, joined DATE, active BOOLEAN, d DATE METADATA FROM 'file.size' VIRTUAL)
  WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM people;
