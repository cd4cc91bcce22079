-- COUNT(DISTINCT) of two columns together
CREATE TEMPORARY TABLE out1 (n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(a, b) AS VALUES (1, 'x'), (1, 'x'), (1, 'y'), (2, 'x');
INSERT INTO out1 SELECT COUNT(DISTINCT a, b) FROM t;
