-- INTERVAL '5 25' DAY TO HOUR: a field after the first must be in its range
CREATE TEMPORARY TABLE out1 (a STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '5 25' DAY TO HOUR AS STRING);
