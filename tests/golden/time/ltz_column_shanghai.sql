-- a csv column declared TIMESTAMP_LTZ holds instants in UTC (`Z`), whatever the session zone; read in Asia/Shanghai as text and as HOUR
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TEMPORARY TABLE src (k INT, ts TIMESTAMP_LTZ(3)) WITH ('connector' = 'filesystem', 'path' = 'ltz_column.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE snk (k INT, ts TIMESTAMP_LTZ(3), s STRING, h BIGINT) WITH ('connector' = 'print');
INSERT INTO snk SELECT k, ts, CAST(ts AS STRING), HOUR(ts) FROM src;
