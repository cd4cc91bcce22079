-- a reserved word as a column alias without AS is refused (backticks take it)
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1 values;
