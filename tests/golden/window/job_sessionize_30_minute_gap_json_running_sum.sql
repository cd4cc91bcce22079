-- sessionize events: a new session when the gap to the previous event exceeds 30 minutes, session number by running SUM
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (user_id INT, ts TIMESTAMP(3), event STRING, session_no INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT user_id, ts, event, SUM(new_session) OVER (PARTITION BY user_id ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM (
  SELECT user_id, ts, event,
         CASE WHEN LAG(ts) OVER (PARTITION BY user_id ORDER BY ts) IS NULL
                OR TIMESTAMPDIFF(MINUTE, LAG(ts) OVER (PARTITION BY user_id ORDER BY ts), ts) > 30 THEN 1 ELSE 0 END AS new_session
  FROM events
)
ORDER BY user_id, ts;
