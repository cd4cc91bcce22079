-- TO_TIMESTAMP_LTZ and TIMESTAMP_LTZ casts under two local time zones (source: Flink docs, Time Zone, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/timezone/ ; the SQL client session replaced by SET statements) [corpus3; expectation from the Flink oracle]
SET 'table.local-time-zone' = 'UTC';
SELECT TO_TIMESTAMP_LTZ(4001, 3), CAST(TO_TIMESTAMP_LTZ(4001, 3) AS TIMESTAMP(3));
SET 'table.local-time-zone' = 'Asia/Shanghai';
SELECT TO_TIMESTAMP_LTZ(4001, 3), CAST(TO_TIMESTAMP_LTZ(4001, 3) AS TIMESTAMP(3)), CAST(TIMESTAMP '1970-01-01 08:00:00' AS TIMESTAMP_LTZ(3));
