-- a filesystem source whose path does not exist fails the job
CREATE TABLE t (id INT) WITH ('connector' = 'filesystem', 'path' = 'no_such_folder', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM t;
