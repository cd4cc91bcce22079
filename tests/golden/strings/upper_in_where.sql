-- a string function in WHERE filters case-insensitively
CREATE TEMPORARY TABLE out1 (name STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(name) AS VALUES ('Alice'), ('BOB'), ('carol');
INSERT INTO out1 SELECT name FROM t WHERE UPPER(name) IN ('ALICE', 'CAROL');
