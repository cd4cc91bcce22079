-- CAST of DOUBLE to INT truncates toward zero
CREATE TEMPORARY TABLE out1 (d DOUBLE, i INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(d) AS VALUES (2.7e0), (-2.7e0), (0.5e0);
INSERT INTO out1 SELECT d, CAST(d AS INT) FROM t;
