-- DECIMAL precision: division of DECIMAL(38,18), AVG of DECIMAL(10,2), CAST rounding half-up, SUM to DECIMAL(38,2) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW t (a, b) AS VALUES (CAST(1 AS DECIMAL(10, 2)), CAST(3 AS DECIMAL(10, 2))), (CAST(2.55 AS DECIMAL(10, 2)), CAST(0.05 AS DECIMAL(10, 2)));
SELECT a / b, CAST(a / b AS DECIMAL(10, 4)), CAST(a AS DECIMAL(3, 1)), CAST(CAST(a / b AS DECIMAL(38, 18)) * b AS DECIMAL(20, 10)) FROM t;
SELECT AVG(a), SUM(a), AVG(b) * 2, MAX(a) - MIN(b) FROM t;
