-- json 'json.timestamp-format.standard' = 'ISO-8601' reads T-separated timestamps (column not named at, a reserved word)
CREATE TABLE t (id INT, at_ts TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = 'c2_iso.json', 'format' = 'json', 'json.timestamp-format.standard' = 'ISO-8601');
CREATE TEMPORARY TABLE out1 (id INT, at_ts TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, at_ts FROM t ORDER BY id;
