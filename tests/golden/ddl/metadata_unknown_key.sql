-- an unknown metadata key is refused
CREATE TABLE people (id INT, name STRING, age INT, city STRING, joined DATE, active BOOLEAN, x STRING METADATA FROM 'nope' VIRTUAL)
  WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, x STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, x FROM people;
