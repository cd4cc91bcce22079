-- a filesystem table without 'format' is refused
CREATE TABLE t (id INT) WITH ('connector' = 'filesystem', 'path' = 'people.csv');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM t;
