-- AVG of DECIMAL values keeps a decimal result
CREATE TEMPORARY TABLE out1 (a DECIMAL(38, 6)) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1.10), (2.20), (4.05);
INSERT INTO out1 SELECT AVG(x) FROM t;
