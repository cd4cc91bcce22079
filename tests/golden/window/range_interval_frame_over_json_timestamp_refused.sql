-- events in the trailing hour per user with a RANGE INTERVAL frame
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (user_id INT, ts TIMESTAMP(3), last_hour BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT user_id, ts, COUNT(*) OVER (PARTITION BY user_id ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW)
FROM events ORDER BY user_id, ts;
