-- time to next event in seconds with LEAD and TIMESTAMPDIFF, NULL for the last
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (user_id INT, event STRING, next_event STRING, secs INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT user_id, event, LEAD(event) OVER w, TIMESTAMPDIFF(SECOND, ts, LEAD(ts) OVER w)
FROM events
WINDOW w AS (PARTITION BY user_id ORDER BY ts)
ORDER BY user_id, ts;
