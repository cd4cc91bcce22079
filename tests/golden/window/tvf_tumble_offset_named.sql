-- TUMBLE with an offset, and named arguments; the window columns' types
CREATE TEMPORARY TABLE t (ts TIMESTAMP(3), v INT) WITH ('connector' = 'filesystem', 'path' = 'tvf_ts.csv', 'format' = 'csv');
SELECT v, window_start, window_end FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '20' SECOND));
SELECT TYPEOF(window_start), TYPEOF(window_end), TYPEOF(window_time), TYPEOF(ts) FROM TABLE(TUMBLE(DATA => TABLE t, TIMECOL => DESCRIPTOR(ts), SIZE => INTERVAL '1' MINUTE)) LIMIT 1;
