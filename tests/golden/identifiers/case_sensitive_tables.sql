-- table names are case-sensitive
CREATE TEMPORARY VIEW People(name) AS VALUES ('ann');
CREATE TEMPORARY TABLE out1 (n STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name FROM people;
