-- daily active users per device from a nested ROW, NULL device shown as 'unknown'
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (d DATE, device STRING, dau BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT CAST(ts AS DATE), COALESCE(e.props.device, 'unknown'), COUNT(DISTINCT user_id)
FROM events e GROUP BY CAST(ts AS DATE), COALESCE(e.props.device, 'unknown') ORDER BY 1, 2;
