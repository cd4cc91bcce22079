-- CAST and TRY_CAST between strings, numbers, booleans and dates, including values that do not convert [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW s (v) AS VALUES ('42'), (' 7 '), ('3.9'), ('abc'), (''), ('true'), ('2024-02-30');
SELECT v, TRY_CAST(v AS INT), TRY_CAST(v AS DOUBLE), TRY_CAST(v AS BOOLEAN), TRY_CAST(v AS DATE), TRY_CAST(v AS DECIMAL(4, 1))
FROM s;
SELECT CAST(3.99 AS INT), CAST(-3.99 AS BIGINT), CAST(TRUE AS INT), CAST(1.5E3 AS DECIMAL(6, 1)), CAST(DATE '2024-01-01' AS TIMESTAMP(3)), CAST(TIMESTAMP '2024-01-01 12:34:56.789' AS STRING);
