-- INSERT INTO t (SELECT ...): the query in parentheses, after a column list too, a set operation of parenthesized queries, and a parenthesized WITH
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (a INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out3 (a INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out4 (a INT, b STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out5 (a INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out6 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 (SELECT a FROM (VALUES (3), (1), (2)) AS v(a) ORDER BY a LIMIT 2);
INSERT INTO out2 (SELECT 1) UNION ALL (SELECT 2) ORDER BY 1;
INSERT INTO out3 ((SELECT 2) UNION ALL (SELECT 1)) ORDER BY 1 DESC;
INSERT INTO out4 (a, b) (SELECT 1, 'x');
INSERT INTO out5 (WITH t AS (SELECT 5 AS a) SELECT a FROM t);
INSERT INTO out6 (SELECT 1) EXCEPT (SELECT 2);
