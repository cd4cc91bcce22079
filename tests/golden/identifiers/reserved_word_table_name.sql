-- a reserved word used unquoted as a table name is a parse error, as for a column
CREATE TEMPORARY TABLE out (id INT) WITH ('connector' = 'print');
INSERT INTO out VALUES (1);
