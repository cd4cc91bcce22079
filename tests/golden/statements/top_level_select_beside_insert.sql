-- a top-level SELECT preview beside an INSERT
CREATE TEMPORARY VIEW v (a, b) AS VALUES (1, 'x'), (2, 'y');
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
SELECT b, a * 2 AS dbl FROM v ORDER BY a;
INSERT INTO out1 SELECT a FROM v WHERE b = 'y';
