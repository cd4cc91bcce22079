-- HAVING on a global aggregate
CREATE TEMPORARY TABLE out1 (n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2);
INSERT INTO out1 SELECT COUNT(*) FROM t HAVING COUNT(*) > 5;
