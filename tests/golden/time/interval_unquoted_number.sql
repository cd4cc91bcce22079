-- INTERVAL written with an unquoted whole number (INTERVAL 1 HOUR), as Flink accepts it
SELECT TIMESTAMP '2024-01-01 00:00:00' + INTERVAL 1 HOUR, INTERVAL 2 DAY, INTERVAL 3 MONTH;
