-- json lines with a missing field and a null payload, payload parsed with JSON_VALUE RETURNING and JSON_QUERY [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE clicks (
  user_id STRING,
  event_type STRING,
  ts TIMESTAMP(3),
  page STRING,
  payload STRING
) WITH ('connector' = 'filesystem', 'path' = 'c3_clicks.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (user_id STRING, event_type STRING, ref STRING, total DOUBLE, items STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT user_id, event_type,
       JSON_VALUE(payload, '$.ref' DEFAULT 'direct' ON EMPTY),
       JSON_VALUE(payload, '$.total' RETURNING DOUBLE),
       JSON_QUERY(payload, '$.items')
FROM clicks
ORDER BY ts;
