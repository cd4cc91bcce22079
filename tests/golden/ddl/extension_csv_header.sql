-- our 'csv.header' option: Flink does not validate csv options and reads the header as data
-- golden: extension
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'with_header.csv', 'format' = 'csv', 'csv.header' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM t ORDER BY id;
