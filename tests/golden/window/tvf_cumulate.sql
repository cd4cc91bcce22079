-- CUMULATE: windows sharing their start, ending every step, the shortest first
CREATE TEMPORARY TABLE t (ts TIMESTAMP(3), v INT) WITH ('connector' = 'filesystem', 'path' = 'tvf_ts.csv', 'format' = 'csv');
SELECT v, window_start, window_end FROM TABLE(CUMULATE(TABLE t, DESCRIPTOR(ts), INTERVAL '30' SECOND, INTERVAL '1' MINUTE));
