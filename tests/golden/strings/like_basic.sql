-- LIKE with % and _ wildcards
CREATE TEMPORARY TABLE out1 (s STRING, a BOOLEAN, b BOOLEAN, c BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('abc'), ('xbz'), ('a');
INSERT INTO out1 SELECT s, s LIKE 'a%', s LIKE '_b_', s NOT LIKE '%c' FROM t;
