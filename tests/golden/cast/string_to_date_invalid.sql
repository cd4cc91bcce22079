-- CAST of an impossible date string fails at run time
CREATE TEMPORARY TABLE out1 (d DATE) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('2024-13-01');
INSERT INTO out1 SELECT CAST(s AS DATE) FROM t;
