-- TIMESTAMPDIFF between a TIMESTAMP and a TIMESTAMP_LTZ is refused
-- golden: expect-message
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TEMPORARY TABLE snk (h INT) WITH ('connector' = 'print');
INSERT INTO snk SELECT TIMESTAMPDIFF(HOUR, TIMESTAMP '2024-01-01 00:00:00', TO_TIMESTAMP_LTZ(1704133800000, 3));
