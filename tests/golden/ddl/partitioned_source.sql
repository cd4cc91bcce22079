-- a partitioned source: the partition column comes from the folder names
CREATE TABLE t (id INT, name STRING, dt STRING) PARTITIONED BY (dt)
  WITH ('connector' = 'filesystem', 'path' = 'partitioned', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, dt STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, dt FROM t ORDER BY id;
