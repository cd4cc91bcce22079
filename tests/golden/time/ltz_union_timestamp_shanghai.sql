-- UNION ALL of a TIMESTAMP_LTZ and a TIMESTAMP: the TIMESTAMP is the instant of its wall time in the session zone (Asia/Shanghai)
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TEMPORARY TABLE snk (a TIMESTAMP_LTZ(3), s STRING) WITH ('connector' = 'print');
INSERT INTO snk SELECT a, CAST(a AS STRING) FROM (SELECT TO_TIMESTAMP_LTZ(1704076200000, 3) AS a UNION ALL SELECT TIMESTAMP '2024-01-01 10:00:00') ORDER BY a;
