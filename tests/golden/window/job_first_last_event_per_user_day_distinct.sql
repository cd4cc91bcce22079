-- first and last page of each user's day with FIRST_VALUE/LAST_VALUE over a full frame
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (user_id INT, d DATE, first_event STRING, last_event STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT DISTINCT user_id, CAST(ts AS DATE),
  FIRST_VALUE(event) OVER (PARTITION BY user_id, CAST(ts AS DATE) ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
  LAST_VALUE(event) OVER (PARTITION BY user_id, CAST(ts AS DATE) ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
FROM events ORDER BY 1, 2;
