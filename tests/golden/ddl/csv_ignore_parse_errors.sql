-- csv.ignore-parse-errors skips or nulls the bad field
CREATE TABLE t (id INT, name STRING, age INT)
  WITH ('connector' = 'filesystem', 'path' = 'bad_rows.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, age INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, age FROM t ORDER BY id;
