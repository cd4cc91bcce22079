-- FLOOR and CEIL of DECIMAL values, positive and negative
CREATE TEMPORARY TABLE out1 (x DECIMAL(3, 1), f DECIMAL(2, 0), c DECIMAL(2, 0)) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (2.5), (-2.5), (3.0);
INSERT INTO out1 SELECT x, FLOOR(x), CEIL(x) FROM t;
