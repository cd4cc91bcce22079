-- a reserved word used unquoted as a view name is a parse error
CREATE TEMPORARY VIEW values AS SELECT 1 AS id;
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM `values`;
