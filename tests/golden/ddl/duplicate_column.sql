-- a table with two columns of the same name is refused
CREATE TEMPORARY TABLE out1 (id INT, id STRING) WITH ('connector' = 'print');
