-- window TVFs under an alias, over a view with a computed time column, and per-window top-N
CREATE TEMPORARY TABLE t (ts TIMESTAMP(3), v INT) WITH ('connector' = 'filesystem', 'path' = 'tvf_ts.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW tv AS SELECT CAST(DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm:ss') AS TIMESTAMP(3)) AS t2, v * 10 AS w FROM t;
SELECT w.window_start, SUM(w.v) AS s FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '2' MINUTE)) AS w GROUP BY w.window_start ORDER BY w.window_start;
SELECT window_end, MAX(w) FROM TABLE(TUMBLE(TABLE tv, DESCRIPTOR(t2), INTERVAL '1' HOUR)) GROUP BY window_start, window_end;
SELECT * FROM (SELECT v, window_start, ROW_NUMBER() OVER (PARTITION BY window_start ORDER BY v DESC) AS rn FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE))) WHERE rn = 1 ORDER BY window_start;
