-- Alibaba Cloud Realtime Compute, JSON_VALUE with literal paths (alibabacloud.com/help/en/flink/developer-reference/json-value), over a json file's payload column [corpus4; expectation from the Flink oracle]
CREATE TEMPORARY TABLE events (
  `user` STRING, event STRING, ts TIMESTAMP(3), payload STRING
) WITH ('connector' = 'filesystem', 'path' = 'c4_events.json', 'format' = 'json');
SELECT `user`, JSON_VALUE(payload, '$.page') AS page, JSON_VALUE(payload, '$.ms' RETURNING INT) AS ms,
  JSON_QUERY(payload, '$.items') AS items
FROM events
ORDER BY ts;
