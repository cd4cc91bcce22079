-- an unknown option of the filesystem connector is refused
CREATE TABLE t (id INT) WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'csv', 'pathh' = 'x');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM t;
