-- 'json.ignore-parse-errors' skips a broken json line
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'c2_broken.json', 'format' = 'json', 'json.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM t ORDER BY id;
