-- spread per group: MIN, MAX, STDDEV_POP, VAR_POP rounded
CREATE TEMPORARY VIEW t (g, x) AS VALUES ('a', 2.0), ('a', 4.0), ('a', 4.0), ('a', 4.0), ('a', 5.0), ('a', 5.0), ('a', 7.0), ('a', 9.0), ('b', 1.0), ('b', 3.0);
CREATE TEMPORARY TABLE out1 (g STRING, mn DECIMAL(2, 1), mx DECIMAL(2, 1), sd DOUBLE, vr DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1
SELECT g, MIN(x), MAX(x), ROUND(CAST(STDDEV_POP(x) AS DOUBLE), 3), ROUND(CAST(VAR_POP(x) AS DOUBLE), 3) FROM t GROUP BY g ORDER BY g;
