-- a filesystem source whose path does not exist fails the job (an absolute path, so Flink's message is the same on every machine)
CREATE TABLE t (id INT) WITH ('connector' = 'filesystem', 'path' = '/nonexistent-golden-folder', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM t;
