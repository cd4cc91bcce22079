-- RESET 'key' puts a key SET above back to its default
SET 'table.local-time-zone' = 'Europe/Berlin';
RESET 'table.local-time-zone';
CREATE TEMPORARY TABLE out1 (t STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT FROM_UNIXTIME(0);
