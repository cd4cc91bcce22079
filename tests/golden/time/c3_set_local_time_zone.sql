-- SET 'table.local-time-zone' changes FROM_UNIXTIME and TO_TIMESTAMP_LTZ output [corpus3; expectation from the Flink oracle]
SET 'table.local-time-zone' = 'Asia/Shanghai';
SET 'parallelism.default' = '1';
SELECT FROM_UNIXTIME(0), CAST(TO_TIMESTAMP_LTZ(86400000, 3) AS STRING), UNIX_TIMESTAMP('1970-01-01 08:00:00');
