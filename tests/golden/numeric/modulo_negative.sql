-- % and MOD take the sign of the dividend
CREATE TEMPORARY TABLE out1 (a INT, b INT, pct INT, md INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(a, b) AS VALUES (7, 3), (-7, 3), (7, -3), (-7, -3);
INSERT INTO out1 SELECT a, b, a % b, MOD(a, b) FROM t;
