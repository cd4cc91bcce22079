-- ORDER BY mixed negative and decimal values
CREATE TEMPORARY TABLE out1 (v DECIMAL(4, 1)) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (1.5), (-2.0), (0.0), (-0.5);
INSERT INTO out1 SELECT v FROM t ORDER BY v;
