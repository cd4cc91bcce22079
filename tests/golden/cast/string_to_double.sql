-- CAST of strings to DOUBLE, including exponent notation
CREATE TEMPORARY TABLE out1 (s STRING, d DOUBLE) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('1.5'), ('1e3'), ('-0.25'), ('12345678.9');
INSERT INTO out1 SELECT s, CAST(s AS DOUBLE) FROM t;
