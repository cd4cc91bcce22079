-- a window TVF with too few arguments, refused with Flink's text
CREATE TEMPORARY TABLE t (ts TIMESTAMP(3), v INT) WITH ('connector' = 'filesystem', 'path' = 'tvf_ts.csv', 'format' = 'csv');
SELECT v FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts)));
