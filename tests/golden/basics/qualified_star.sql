-- t.* next to another column
CREATE TEMPORARY VIEW people(id, name) AS VALUES (1, 'ann'), (2, 'ben');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, flag BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT p.*, p.id > 1 FROM people AS p;
