-- a view with an unnamed expression column gets EXPR$n
CREATE TEMPORARY VIEW v AS SELECT 1 + 1, 'x' AS s;
CREATE TEMPORARY TABLE out1 (a INT, s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT EXPR$0, s FROM v;
