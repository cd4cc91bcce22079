-- a table with an unknown option read through a view
CREATE TABLE t (id INT) WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'csv', 'pathh' = 'x');
CREATE TEMPORARY VIEW v AS SELECT id FROM t;
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM v;
