-- integer arithmetic a user trips on: INT / INT, INT overflow on +, SUM of INTs past 2^31, CAST to BIGINT first [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW t (a, b) AS VALUES (7, 2), (2147483647, 1), (-9, 4);
SELECT a / b, a + b, CAST(a AS BIGINT) + b, a * 1.0 / b, MOD(a, b) FROM t;
SELECT SUM(a), SUM(CAST(a AS BIGINT)), AVG(a) FROM t;
