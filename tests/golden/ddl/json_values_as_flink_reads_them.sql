-- json values read as Flink does: a number truncated into INT, any value into STRING, booleans and times as Java parses them
CREATE TABLE t (id INT, s STRING, o STRING, b BOOLEAN, t TIME(0))
  WITH ('connector' = 'filesystem', 'path' = 'json_values.json', 'format' = 'json', 'json.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, s STRING, o STRING, b BOOLEAN, t TIME(0)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM t;
