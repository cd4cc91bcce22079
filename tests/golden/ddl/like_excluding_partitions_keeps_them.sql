-- LIKE ... (EXCLUDING PARTITIONS) with no PARTITIONED BY of its own: Flink 2.3.0 keeps the source's partitions (before FLINK-37941)
CREATE TABLE t (id INT, name STRING, dt STRING) PARTITIONED BY (dt)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_folder', 'format' = 'csv');
CREATE TEMPORARY TABLE t2 WITH ('path' = 'partitioned') LIKE t (EXCLUDING PARTITIONS);
CREATE TEMPORARY TABLE out1 (id INT, name STRING, dt STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, dt FROM t2 ORDER BY id;
