-- NOW() compared with a fixed past timestamp
CREATE TEMPORARY TABLE out1 (r BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(NOW() AS TIMESTAMP(3)) > TIMESTAMP '2020-01-01 00:00:00';
