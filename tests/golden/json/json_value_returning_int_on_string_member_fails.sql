-- JSON_VALUE and JSON_QUERY over a string payload column, bad json and null payloads
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (ts TIMESTAMP(3), page STRING, ms INT, sku STRING, items STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT ts, JSON_VALUE(payload, '$.page'), JSON_VALUE(payload, '$.ms' RETURNING INT),
       JSON_VALUE(payload, '$.item.sku'), JSON_QUERY(payload, '$.items')
FROM events ORDER BY ts;
