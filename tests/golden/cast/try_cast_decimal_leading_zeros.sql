-- TRY_CAST of text with leading zeros to DECIMAL(10, 2): Flink counts every digit written against the precision, so '000000000001' is NULL
CREATE TEMPORARY VIEW v(s) AS VALUES ('000000000001'), ('00000001.5'), ('1.0000000000000');
CREATE TEMPORARY TABLE out1 (s STRING, a DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, TRY_CAST(s AS DECIMAL(10, 2)) FROM v;
