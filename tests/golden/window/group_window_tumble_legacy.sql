-- the older group window: GROUP BY TUMBLE(ts, size) with TUMBLE_START, TUMBLE_END and TUMBLE_ROWTIME
CREATE TEMPORARY TABLE t (ts TIMESTAMP(3), v INT) WITH ('connector' = 'filesystem', 'path' = 'tvf_ts.csv', 'format' = 'csv');
SELECT TUMBLE_START(ts, INTERVAL '1' MINUTE) AS s, TUMBLE_END(ts, INTERVAL '1' MINUTE) AS e, TUMBLE_ROWTIME(ts, INTERVAL '1' MINUTE) AS r, SUM(v) AS total FROM t GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE) ORDER BY s;
