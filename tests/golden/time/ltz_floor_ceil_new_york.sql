-- FLOOR/CEIL of a TIMESTAMP_LTZ round its wall time in the session zone (America/New_York) and move back by the offset at the instant: on the day clocks move forward, CEIL TO DAY is 01:00 EDT
SET 'table.local-time-zone' = 'America/New_York';
CREATE TEMPORARY VIEW t(k, e) AS VALUES (1, CAST(1710052200000 AS BIGINT)), (2, CAST(1704076200000 AS BIGINT));
CREATE TEMPORARY TABLE snk (k INT, fd TIMESTAMP_LTZ(3), cd TIMESTAMP_LTZ(3), fh TIMESTAMP_LTZ(3), ch TIMESTAMP_LTZ(3), fm TIMESTAMP_LTZ(3), ty STRING) WITH ('connector' = 'print');
INSERT INTO snk SELECT k, FLOOR(TO_TIMESTAMP_LTZ(e, 3) TO DAY), CEIL(TO_TIMESTAMP_LTZ(e, 3) TO DAY), FLOOR(TO_TIMESTAMP_LTZ(e, 3) TO HOUR),
  CEIL(TO_TIMESTAMP_LTZ(e, 3) TO HOUR), FLOOR(TO_TIMESTAMP_LTZ(e, 3) TO MONTH), TYPEOF(FLOOR(TO_TIMESTAMP_LTZ(e, 3) TO DAY))
FROM t;
