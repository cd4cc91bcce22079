-- CTAS of a table that exists (no IF NOT EXISTS)
CREATE TABLE t (a INT) WITH ('connector' = 'print');
CREATE TABLE t WITH ('connector' = 'print') AS SELECT 1 AS a;
