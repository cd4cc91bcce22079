-- numeric functions: MOD with negatives, POWER, SQRT, LN, LOG10, LOG(base, x), SIGN, CEIL/FLOOR of negatives, TRUNCATE, ROUND half [corpus3; expectation from the Flink oracle]
SELECT MOD(-7, 3), MOD(7, -3), POWER(2, 10), SQRT(2.0), LN(1), LOG10(1000), LOG(2, 8), SIGN(-4.2), CEIL(-1.5), FLOOR(-1.5), TRUNCATE(123.456, 1), ROUND(2.5), ROUND(-2.5), ROUND(1234.5678, -2), ABS(-0.0);
