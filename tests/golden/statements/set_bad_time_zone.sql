-- SET of Flink's time zone key with an offset Flink refuses (UTC+8)
SET 'table.local-time-zone' = 'UTC+8';
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
