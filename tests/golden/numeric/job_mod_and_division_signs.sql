-- MOD and % with negative operands, integer division truncation, and DIV-like CAST of a DOUBLE
CREATE TEMPORARY VIEW v(a, b) AS VALUES (7, 3), (-7, 3), (7, -3), (-7, -3);
CREATE TEMPORARY TABLE out1 (a INT, b INT, m INT, p INT, q INT, f INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a, b, MOD(a, b), a % b, a / b, CAST(FLOOR(CAST(a AS DOUBLE) / b) AS INT) FROM v ORDER BY a, b;
