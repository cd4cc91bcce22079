-- UNIX_TIMESTAMP and FROM_UNIXTIME in the UTC session time zone
SET 'table.local-time-zone' = 'UTC';
CREATE TEMPORARY TABLE out1 (a BIGINT, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT UNIX_TIMESTAMP('2024-01-01 00:00:00'), FROM_UNIXTIME(86400);
