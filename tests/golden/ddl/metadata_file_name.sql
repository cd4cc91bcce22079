-- the filesystem connector's file.name metadata column
CREATE TABLE people (id INT, name STRING, age INT, city STRING, joined DATE, active BOOLEAN, fname STRING METADATA FROM 'file.name' VIRTUAL)
  WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, fname STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, fname FROM people WHERE id < 3 ORDER BY id;
