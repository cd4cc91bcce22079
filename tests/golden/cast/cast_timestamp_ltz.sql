-- TIMESTAMP_LTZ from epoch millis, printed in the session time zone set to UTC
SET 'table.local-time-zone' = 'UTC';
CREATE TEMPORARY TABLE out1 (ts TIMESTAMP_LTZ(3), s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TO_TIMESTAMP_LTZ(1700000000000, 3), CAST(TO_TIMESTAMP_LTZ(1700000000000, 3) AS STRING);
