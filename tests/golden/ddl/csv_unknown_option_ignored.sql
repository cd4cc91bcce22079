-- an unknown csv.* option is ignored, as Flink's filesystem connector ignores its format's unknown options
CREATE TABLE t (id INT, name STRING, age INT)
  WITH ('connector' = 'filesystem', 'path' = 'empty_int.csv', 'format' = 'csv', 'csv.ignore-parse-error' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM t ORDER BY id;
