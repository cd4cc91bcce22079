-- TRY_CAST of a string too big for DECIMAL(4, 2)
CREATE TEMPORARY TABLE out1 (s STRING, d DECIMAL(4, 2)) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('12.345'), ('123.4'), ('x');
INSERT INTO out1 SELECT s, TRY_CAST(s AS DECIMAL(4, 2)) FROM t;
