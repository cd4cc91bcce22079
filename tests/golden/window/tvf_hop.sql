-- HOP: each row once per window that holds it, the latest window first
CREATE TEMPORARY TABLE t (ts TIMESTAMP(3), v INT) WITH ('connector' = 'filesystem', 'path' = 'tvf_ts.csv', 'format' = 'csv');
SELECT v, window_start, window_end FROM TABLE(HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '30' SECOND, INTERVAL '1' MINUTE));
