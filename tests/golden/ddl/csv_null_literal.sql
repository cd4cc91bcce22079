-- csv.null-literal turns a marker into NULL for STRING and INT columns
CREATE TABLE t (id INT, name STRING, score INT)
  WITH ('connector' = 'filesystem', 'path' = 'null_literal.csv', 'format' = 'csv', 'csv.null-literal' = 'NA');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, score INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, score FROM t ORDER BY id;
