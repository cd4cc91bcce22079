-- sessionizing clicks: LAG of the previous event time, a 30-minute gap flag, running SUM of flags as session number [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE clicks (
  user_id STRING,
  event_type STRING,
  ts TIMESTAMP(3),
  page STRING,
  payload STRING
) WITH ('connector' = 'filesystem', 'path' = 'c3_clicks.json', 'format' = 'json');
CREATE TEMPORARY TABLE sessions (user_id STRING, ts TIMESTAMP(3), gap_min INT, session_no INT) WITH ('connector' = 'print');
INSERT INTO sessions
WITH flagged AS (
  SELECT user_id, ts,
         TIMESTAMPDIFF(MINUTE, LAG(ts) OVER (PARTITION BY user_id ORDER BY ts), ts) AS gap_min
  FROM clicks
), marked AS (
  SELECT user_id, ts, gap_min,
         CASE WHEN gap_min IS NULL OR gap_min > 30 THEN 1 ELSE 0 END AS new_session
  FROM flagged
)
SELECT user_id, ts, gap_min,
       SUM(new_session) OVER (PARTITION BY user_id ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM marked
ORDER BY user_id, ts;
