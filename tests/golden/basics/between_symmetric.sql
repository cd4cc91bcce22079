-- BETWEEN SYMMETRIC accepts reversed bounds, plain BETWEEN does not match them
CREATE TEMPORARY TABLE out1 (x INT, plain BOOLEAN, symmetric_ BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (3), (6);
INSERT INTO out1
SELECT x, x BETWEEN 5 AND 1, x BETWEEN SYMMETRIC 5 AND 1 FROM t;
