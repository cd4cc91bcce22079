-- csv.null-literal '' makes every empty field NULL, quoted or not, INT too
CREATE TABLE t (id INT, name STRING, age INT)
  WITH ('connector' = 'filesystem', 'path' = 'empty_fields.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, age INT, n BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, age, name IS NULL FROM t ORDER BY id;
