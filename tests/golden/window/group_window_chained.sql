-- group windows chained: a view of 1-minute windows (its own window_start, window_end) read by 2-minute windows
CREATE TEMPORARY TABLE t (ts TIMESTAMP(3), v INT) WITH ('connector' = 'filesystem', 'path' = 'tvf_ts.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW per_minute AS SELECT TUMBLE_START(ts, INTERVAL '1' MINUTE) AS window_start, TUMBLE_ROWTIME(ts, INTERVAL '1' MINUTE) AS window_end, SUM(v) AS total FROM t GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE);
SELECT TUMBLE_START(window_end, INTERVAL '2' MINUTE) AS s, SUM(total) AS total, COUNT(*) AS minutes FROM per_minute GROUP BY TUMBLE(window_end, INTERVAL '2' MINUTE) ORDER BY s;
