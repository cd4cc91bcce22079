-- Arithmetic on INTERVAL values: + and - of intervals of one kind, * by an integer on either side, negation, a product added to a TIMESTAMP; printed as Duration/Period
SELECT INTERVAL '1' DAY * 2, INTERVAL '1' DAY + INTERVAL '1' HOUR, INTERVAL '1' YEAR + INTERVAL '3' MONTH, -INTERVAL '2' HOUR, INTERVAL '1' YEAR * 3, 3 * INTERVAL '1' MINUTE, INTERVAL '1' DAY - INTERVAL '1' SECOND, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' DAY * 2, CAST(INTERVAL '1' DAY * 2 AS STRING);
SELECT k, i * k, i + i FROM (VALUES (1, INTERVAL '90' MINUTE), (2, INTERVAL '-1' SECOND)) AS t(k, i) ORDER BY k;
