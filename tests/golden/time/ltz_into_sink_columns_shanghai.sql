-- a TIMESTAMP written into a TIMESTAMP_LTZ sink column is the instant of its wall time in the session zone (Asia/Shanghai), an LTZ written into a TIMESTAMP column its wall time there
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TEMPORARY TABLE snk (a TIMESTAMP_LTZ(3), b TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO snk SELECT TIMESTAMP '2024-01-01 10:00:00', TO_TIMESTAMP_LTZ(1704076200000, 3);
