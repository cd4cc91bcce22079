-- new vs returning users per day: first seen day by MIN OVER, compared per event day
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (d DATE, new_users BIGINT, returning_users BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT d, COUNT(DISTINCT CASE WHEN d = first_d THEN user_id END), COUNT(DISTINCT CASE WHEN d > first_d THEN user_id END)
FROM (SELECT user_id, CAST(ts AS DATE) AS d, MIN(CAST(ts AS DATE)) OVER (PARTITION BY user_id) AS first_d FROM events)
GROUP BY d ORDER BY d;
