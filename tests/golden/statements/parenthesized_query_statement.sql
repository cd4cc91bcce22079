-- a statement may start with '(': a bare query `(SELECT 1) UNION (SELECT 2)`, `((SELECT 1))`, then an INSERT of such a query
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
(SELECT 1) UNION (SELECT 2);
((SELECT 1));
INSERT INTO out1 (SELECT 3) UNION ALL (SELECT 4) ORDER BY 1;
