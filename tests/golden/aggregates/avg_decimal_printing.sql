-- AVG over DECIMAL(10, 2): the result type and its scale
CREATE TEMPORARY TABLE out1 (a DECIMAL(38, 6)) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (10), (20), (25);
INSERT INTO out1 SELECT AVG(CAST(v AS DECIMAL(10, 2))) FROM t;
