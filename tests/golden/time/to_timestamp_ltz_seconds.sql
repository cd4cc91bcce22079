-- TO_TIMESTAMP_LTZ from epoch seconds in UTC
SET 'table.local-time-zone' = 'UTC';
CREATE TEMPORARY TABLE out1 (ts TIMESTAMP_LTZ(3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TO_TIMESTAMP_LTZ(1704067200, 0);
