-- NULLIF to turn empty strings into NULL
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('  '), ('x');
INSERT INTO out1 SELECT NULLIF(TRIM(s), '') FROM t;
