-- a table without 'connector' cannot be read
CREATE TABLE t (id INT) WITH ('path' = 'people.csv');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM t;
