-- TIMESTAMP, DATE and STRING cast to TIMESTAMP_LTZ in America/New_York: a skipped wall time moves forward by the gap, a repeated one is its earlier instant; an LTZ(6) as text has 6 digits
SET 'table.local-time-zone' = 'America/New_York';
CREATE TEMPORARY TABLE snk (g TIMESTAMP_LTZ(3), amb TIMESTAMP_LTZ(3), fs TIMESTAMP_LTZ(3), fdt TIMESTAMP_LTZ(3), p6 STRING) WITH ('connector' = 'print');
INSERT INTO snk SELECT CAST(TIMESTAMP '2024-03-10 02:30:00' AS TIMESTAMP_LTZ(3)), CAST(TIMESTAMP '2024-11-03 01:30:00' AS TIMESTAMP_LTZ(3)),
  CAST('2024-01-01 10:00:00' AS TIMESTAMP_LTZ(3)), CAST(DATE '2024-01-01' AS TIMESTAMP_LTZ(3)), CAST(CAST(TO_TIMESTAMP_LTZ(1704076200123, 3) AS TIMESTAMP_LTZ(6)) AS STRING);
