-- golden: expect-message
-- A window TVF over a processing-time attribute (p AS PROCTIME()) is refused in batch, at the statement holding the TVF
CREATE TABLE t (
  ts STRING,
  v INT,
  p AS PROCTIME()
) WITH ('connector' = 'filesystem', 'path' = 'tvf_ts.csv', 'format' = 'csv');

SELECT COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(p), INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
