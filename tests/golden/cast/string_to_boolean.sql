-- CAST of strings to BOOLEAN: true/false in any case
CREATE TEMPORARY TABLE out1 (s STRING, b BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('true'), ('FALSE'), ('True');
INSERT INTO out1 SELECT s, CAST(s AS BOOLEAN) FROM t;
