-- funnel: distinct users per step with COUNT(DISTINCT CASE ...), conversion ratio as DECIMAL [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE clicks (
  user_id STRING,
  event_type STRING,
  ts TIMESTAMP(3),
  page STRING,
  payload STRING
) WITH ('connector' = 'filesystem', 'path' = 'c3_clicks.json', 'format' = 'json');
SELECT COUNT(DISTINCT CASE WHEN event_type = 'view' THEN user_id END) AS viewers,
       COUNT(DISTINCT CASE WHEN event_type = 'click' THEN user_id END) AS clickers,
       COUNT(DISTINCT CASE WHEN event_type = 'purchase' THEN user_id END) AS buyers,
       CAST(COUNT(DISTINCT CASE WHEN event_type = 'purchase' THEN user_id END) AS DECIMAL(10, 4)) / COUNT(DISTINCT user_id) AS conversion
FROM clicks;
