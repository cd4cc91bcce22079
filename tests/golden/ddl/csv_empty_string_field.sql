-- an empty csv field is the empty string for STRING, quoted or not
CREATE TABLE t (id INT, name STRING, x STRING)
  WITH ('connector' = 'filesystem', 'path' = 'empty_fields.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, n BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, name IS NULL FROM t ORDER BY id;
