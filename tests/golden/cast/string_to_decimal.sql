-- CAST of strings to DECIMAL(10, 2) rounds to the scale
CREATE TEMPORARY TABLE out1 (s STRING, d DECIMAL(10, 2)) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('1.005'), ('2.5'), ('-0.125'), ('100');
INSERT INTO out1 SELECT s, CAST(s AS DECIMAL(10, 2)) FROM t;
