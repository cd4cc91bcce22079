-- CASE x WHEN v: a TIMESTAMP_LTZ operand against a TIMESTAMP value and the reverse, in the session zone (Asia/Shanghai)
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TEMPORARY VIEW t(k, e) AS VALUES (1, CAST(1704133800000 AS BIGINT)), (2, CAST(1704076200000 AS BIGINT));
CREATE TEMPORARY TABLE o (k INT, a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT k, CASE TO_TIMESTAMP_LTZ(e, 3) WHEN TIMESTAMP '2024-01-01 10:30:00' THEN 'ten thirty' ELSE 'other' END,
  CASE CAST(TO_TIMESTAMP_LTZ(e, 3) AS TIMESTAMP(3)) WHEN TO_TIMESTAMP_LTZ(1704133800000, 3) THEN 'first' ELSE 'other' END FROM t;
