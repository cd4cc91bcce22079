-- DOUBLE and FLOAT printing: 0.1 + 0.2, large and tiny values, CAST to STRING, division producing repeating decimals [corpus3; expectation from the Flink oracle]
SELECT 0.1E0 + 0.2E0, 1.0E20, 1.0E-7, CAST(1.0E-7 AS STRING), CAST(2.5 AS FLOAT), CAST(1 AS DOUBLE) / 3, CAST(100 AS DOUBLE), -0.0E0, CAST(123456789.125 AS DOUBLE);
