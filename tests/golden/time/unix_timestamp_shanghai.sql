-- FROM_UNIXTIME depends on the session time zone
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TEMPORARY TABLE out1 (b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT FROM_UNIXTIME(0);
