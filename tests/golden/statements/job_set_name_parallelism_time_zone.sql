-- SET statements at the top of a job (job name, parallelism, a session time zone) then a time query
SET 'pipeline.name' = 'nightly-report';
SET 'parallelism.default' = '1';
SET 'table.local-time-zone' = 'Asia/Tokyo';
CREATE TEMPORARY VIEW v(ts) AS VALUES (TIMESTAMP '2024-03-10 12:00:00');
CREATE TEMPORARY TABLE out1 (ts TIMESTAMP(0), ltz TIMESTAMP_LTZ(0), s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ts, CAST(ts AS TIMESTAMP_LTZ(0)), CAST(CAST(ts AS TIMESTAMP_LTZ(0)) AS STRING) FROM v;
