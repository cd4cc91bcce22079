-- a second CTAS of the same name: the table exists already
CREATE TABLE t WITH ('connector' = 'print') AS SELECT 1 AS a;
CREATE TABLE t WITH ('connector' = 'print') AS SELECT 2 AS a;
