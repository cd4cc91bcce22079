-- csv.field-delimiter ';' lets commas appear inside fields
CREATE TABLE t (id INT, tags STRING, city STRING)
  WITH ('connector' = 'filesystem', 'path' = 'semicolon.csv', 'format' = 'csv', 'csv.field-delimiter' = ';');
CREATE TEMPORARY TABLE out1 (id INT, tags STRING, city STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, tags, city FROM t ORDER BY id;
