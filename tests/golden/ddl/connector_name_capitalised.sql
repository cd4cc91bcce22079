-- a print sink with 'connector' = 'Print' (capitalised)
CREATE TEMPORARY VIEW v(x) AS VALUES (1);
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'Print');
INSERT INTO out1 SELECT x FROM v;
