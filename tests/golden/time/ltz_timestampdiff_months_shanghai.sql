-- TIMESTAMPDIFF(MONTH) of two TIMESTAMP_LTZ values counts on their UTC dates, not their wall dates in the session zone (Asia/Shanghai: 03-31 to 04-30 there, 03-30 to 04-29 in UTC)
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TEMPORARY TABLE snk (m INT, d INT) WITH ('connector' = 'print');
INSERT INTO snk SELECT TIMESTAMPDIFF(MONTH, TO_TIMESTAMP_LTZ(1711814400000, 3), TO_TIMESTAMP_LTZ(1714406400000, 3)), TIMESTAMPDIFF(DAY, TO_TIMESTAMP_LTZ(1711814400000, 3), TO_TIMESTAMP_LTZ(1714406400000, 3));
