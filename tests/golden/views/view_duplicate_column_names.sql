-- a view whose query has two columns of the same name
CREATE TEMPORARY VIEW v AS SELECT 1 AS x, 2 AS x;
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1 FROM v;
