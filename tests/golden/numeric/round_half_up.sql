-- ROUND of DECIMAL halves rounds away from zero
CREATE TEMPORARY TABLE out1 (x DECIMAL(3, 1), r DECIMAL(2, 0)) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (2.5), (-2.5), (0.5), (1.4);
INSERT INTO out1 SELECT x, ROUND(x) FROM t;
