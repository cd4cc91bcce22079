-- csv.null-literal matches a quoted field too
CREATE TABLE t (id INT, name STRING, age INT)
  WITH ('connector' = 'filesystem', 'path' = 'null_literal_quoted.csv', 'format' = 'csv', 'csv.null-literal' = 'NA');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, age INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, age FROM t ORDER BY id;
