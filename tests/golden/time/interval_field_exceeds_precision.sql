-- INTERVAL '365' DAY: the leading field has 2 digits unless DAY(3) says more
CREATE TEMPORARY TABLE out1 (a STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(DATE '2024-01-01' + INTERVAL '365' DAY AS STRING);
