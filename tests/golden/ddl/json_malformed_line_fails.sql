-- a line that is not json fails the job
CREATE TABLE t (id INT, name STRING)
  WITH ('connector' = 'filesystem', 'path' = 'malformed.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM t;
