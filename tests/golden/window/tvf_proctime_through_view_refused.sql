-- golden: expect-message
-- A TUMBLE window TVF over a view passing on a processing-time attribute is refused in batch too
CREATE TABLE t (
  ts STRING,
  v INT,
  p AS PROCTIME()
) WITH ('connector' = 'filesystem', 'path' = 'tvf_ts.csv', 'format' = 'csv');

CREATE TEMPORARY VIEW w AS SELECT v, p FROM t;

SELECT COUNT(*) AS n
FROM TABLE(TUMBLE(TABLE w, DESCRIPTOR(p), INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
