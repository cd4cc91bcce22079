-- DROP TEMPORARY VIEW of a view another view reads, below the INSERT reading that other view
CREATE TEMPORARY VIEW v(a) AS VALUES (1), (2);
CREATE TEMPORARY VIEW w AS SELECT a * 10 AS a FROM v;
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a FROM w;
DROP TEMPORARY VIEW v;
