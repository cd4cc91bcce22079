-- a file with only DDL runs nothing and is accepted
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW v AS SELECT 1 AS x;
