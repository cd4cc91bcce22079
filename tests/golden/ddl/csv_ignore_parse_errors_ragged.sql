-- csv.ignore-parse-errors: a bad value is NULL, a short line gets NULLs, a line with an extra field is skipped
CREATE TABLE t (id INT, name STRING, age INT)
  WITH ('connector' = 'filesystem', 'path' = 'ragged.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, age INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, age FROM t ORDER BY id;
