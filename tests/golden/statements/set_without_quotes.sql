-- SET key = value without quotes
SET table.local-time-zone = UTC;
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
