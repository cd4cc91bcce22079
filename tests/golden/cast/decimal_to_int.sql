-- CAST of DECIMAL to INT truncates toward zero
CREATE TEMPORARY TABLE out1 (d DECIMAL(4, 2), i INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(d) AS VALUES (2.75), (-2.75), (0.50);
INSERT INTO out1 SELECT d, CAST(d AS INT) FROM t;
