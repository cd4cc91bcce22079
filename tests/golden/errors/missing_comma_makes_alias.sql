-- a missing comma between two select items makes the second an alias; the sink then lacks a column
CREATE TEMPORARY VIEW v(a, b, c) AS VALUES (1, 2, 3);
CREATE TEMPORARY TABLE out1 (a INT, b INT, c INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a b, c FROM v;
