-- a metadata column of the wrong type
CREATE TABLE people (id INT, name STRING, age INT, city STRING, joined DATE, active BOOLEAN, fsize BOOLEAN METADATA FROM 'file.size' VIRTUAL)
  WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, fsize BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, fsize FROM people;
