-- golden: expect-message
-- A HOP window TVF over a CTE passing on a processing-time attribute is refused in batch too
CREATE TABLE t (
  ts STRING,
  v INT,
  p AS PROCTIME()
) WITH ('connector' = 'filesystem', 'path' = 'tvf_ts.csv', 'format' = 'csv');

WITH c AS (SELECT v, p FROM t)
SELECT COUNT(*) AS n
FROM TABLE(HOP(TABLE c, DESCRIPTOR(p), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
