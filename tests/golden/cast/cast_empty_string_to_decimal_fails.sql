-- CAST of an empty string to DECIMAL fails the job (TRY_CAST gives NULL)
CREATE TEMPORARY VIEW v(s) AS VALUES ('');
CREATE TEMPORARY TABLE out1 (a DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(s AS DECIMAL(10, 2)) FROM v;
