-- GROUP BY an expression, selecting the same expression
CREATE TEMPORARY TABLE out1 (init STRING, n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(name) AS VALUES ('ann'), ('Amy'), ('bob');
INSERT INTO out1 SELECT UPPER(SUBSTRING(name, 1, 1)), COUNT(*)
FROM t GROUP BY UPPER(SUBSTRING(name, 1, 1)) ORDER BY 1;
