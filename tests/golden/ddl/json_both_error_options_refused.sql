-- json.fail-on-missing-field and json.ignore-parse-errors cannot both be true
CREATE TABLE t (id INT, name STRING)
  WITH ('connector' = 'filesystem', 'path' = 'malformed.json', 'format' = 'json', 'json.fail-on-missing-field' = 'true', 'json.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM t;
