-- json.ignore-parse-errors skips a line that is not json
CREATE TABLE t (id INT, name STRING)
  WITH ('connector' = 'filesystem', 'path' = 'malformed.json', 'format' = 'json', 'json.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM t;
