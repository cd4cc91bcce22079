-- csv.escape-character escapes a quote inside quotes and a delimiter outside
CREATE TABLE t (id INT, name STRING)
  WITH ('connector' = 'filesystem', 'path' = 'escaped.csv', 'format' = 'csv', 'csv.escape-character' = '\');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM t ORDER BY id;
