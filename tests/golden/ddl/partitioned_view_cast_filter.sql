-- a filter on the partition column over a view that casts: the other partition's rows are never cast
CREATE TABLE t (id INT, s STRING, dt STRING) PARTITIONED BY (dt)
  WITH ('connector' = 'filesystem', 'path' = 'partitioned_codes', 'format' = 'csv');
CREATE TEMPORARY VIEW typed AS SELECT id, CAST(s AS INT) AS n, dt FROM t;
CREATE TEMPORARY TABLE out1 (id INT, n INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, n FROM typed WHERE dt = '1';
