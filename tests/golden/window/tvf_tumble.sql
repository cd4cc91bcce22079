-- TUMBLE: each row with the epoch-aligned window it falls in, window_time its end less a millisecond
CREATE TEMPORARY TABLE t (ts TIMESTAMP(3), v INT) WITH ('connector' = 'filesystem', 'path' = 'tvf_ts.csv', 'format' = 'csv');
SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE));
