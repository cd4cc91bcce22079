-- INSERT with more selected columns than the sink has, after a CTE
CREATE TEMPORARY VIEW v(a, b, c) AS VALUES (1, 'x', TRUE);
CREATE TEMPORARY TABLE out1 (a INT, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 WITH w AS (SELECT * FROM v) SELECT a, b, c FROM w;
