-- DROP TEMPORARY VIEW IF EXISTS of a view never created, then create and use it
DROP TEMPORARY VIEW IF EXISTS staging;
CREATE TEMPORARY VIEW staging(x) AS VALUES (3), (1), (2);
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x FROM staging ORDER BY x;
