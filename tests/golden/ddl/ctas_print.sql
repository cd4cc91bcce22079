-- CREATE TABLE t WITH (print) AS SELECT: the query's columns, its rows printed by the CTAS's own job; an INSERT beside it
CREATE TABLE t WITH ('connector' = 'print') AS SELECT a, UPPER(b) AS ub, a * 10 FROM (VALUES (1, 'x'), (2, 'y')) AS v(a, b);
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 7;
