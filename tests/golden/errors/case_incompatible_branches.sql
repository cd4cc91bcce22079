-- CASE branches of incompatible types
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1);
INSERT INTO out1 SELECT CASE WHEN x = 1 THEN 'a' ELSE DATE '2024-01-01' END FROM t;
