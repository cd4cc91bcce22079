-- a reserved word used unquoted as a column name is a parse error
CREATE TEMPORARY VIEW v(id, name) AS VALUES (1, 'x');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id AS value FROM v;
