-- quoted csv fields with commas and doubled quotes
CREATE TABLE t (id INT, name STRING, note STRING)
  WITH ('connector' = 'filesystem', 'path' = 'quoted.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, note STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, note FROM t ORDER BY id;
