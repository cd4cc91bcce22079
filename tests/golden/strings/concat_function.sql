-- CONCAT of several strings
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(a, b) AS VALUES ('x', 'y');
INSERT INTO out1 SELECT CONCAT(a, '-', b, '-', 'z') FROM t;
