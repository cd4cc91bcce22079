-- json.timestamp-format.standard 'ISO-8601' reads the T separator
CREATE TABLE t (id INT, ts TIMESTAMP(3), d DATE)
  WITH ('connector' = 'filesystem', 'path' = 'timestamps.json', 'format' = 'json', 'json.timestamp-format.standard' = 'ISO-8601', 'json.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, ts TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, ts FROM t ORDER BY id;
