-- golden: expect-message
-- A GROUP BY TUMBLE(p, ...) group window over a processing-time attribute is refused in batch
CREATE TABLE t (
  ts STRING,
  v INT,
  p AS PROCTIME()
) WITH ('connector' = 'filesystem', 'path' = 'tvf_ts.csv', 'format' = 'csv');

SELECT v, COUNT(*) AS n FROM t GROUP BY v, TUMBLE(p, INTERVAL '10' SECOND);
