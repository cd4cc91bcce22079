-- empty INT and STRING fields read as NULL with 'csv.null-literal' = '', then COALESCE defaults
CREATE TABLE people (id INT, name STRING, age INT)
  WITH ('connector' = 'filesystem', 'path' = 'shop_people_gaps.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, age INT, name_null BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, COALESCE(name, '?'), COALESCE(age, -1), name IS NULL FROM people ORDER BY id;
