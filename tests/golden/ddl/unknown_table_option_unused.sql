-- a table with an unknown option that nothing uses
CREATE TABLE t (id INT) WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'csv', 'pathh' = 'x');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
