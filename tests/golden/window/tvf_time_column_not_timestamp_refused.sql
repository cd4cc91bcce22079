-- a window function's time column must be a TIMESTAMP or TIMESTAMP_LTZ
CREATE TEMPORARY TABLE t (ts TIMESTAMP(3), v INT) WITH ('connector' = 'filesystem', 'path' = 'tvf_ts.csv', 'format' = 'csv');
SELECT v FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(v), INTERVAL '1' MINUTE));
