-- LIKE of a partitioned table: the partitions come along (the partition column read from the folder names)
CREATE TABLE t (id INT, name STRING, dt STRING) PARTITIONED BY (dt)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_folder', 'format' = 'csv');
CREATE TEMPORARY TABLE t2 WITH ('path' = 'partitioned') LIKE t;
CREATE TEMPORARY TABLE out1 (id INT, name STRING, dt STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, dt FROM t2 ORDER BY id;
