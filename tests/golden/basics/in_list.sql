-- IN and NOT IN with a literal list
CREATE TEMPORARY TABLE out1 (x INT, in_list BOOLEAN, not_in BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2), (3);
INSERT INTO out1
SELECT x, x IN (1, 3, 5), x NOT IN (1, 3, 5) FROM t;
