-- funnel: users reaching login, view, purchase with COUNT DISTINCT FILTER, conversion ratio
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (logins BIGINT, viewers BIGINT, buyers BIGINT, conv DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1
SELECT COUNT(DISTINCT user_id) FILTER (WHERE event = 'login'),
       COUNT(DISTINCT user_id) FILTER (WHERE event = 'view'),
       COUNT(DISTINCT user_id) FILTER (WHERE event = 'purchase'),
       CAST(COUNT(DISTINCT user_id) FILTER (WHERE event = 'purchase') AS DOUBLE) / COUNT(DISTINCT user_id)
FROM events;
