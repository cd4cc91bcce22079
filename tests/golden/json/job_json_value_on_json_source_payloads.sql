-- json source: JSON_VALUE on a string payload, invalid json and NULL payloads, ARRAY column CARDINALITY
CREATE TABLE events (user_id INT, event STRING, payload STRING, ts TIMESTAMP(0), tags ARRAY<STRING>)
  WITH ('connector' = 'filesystem', 'path' = 'shop_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (user_id INT, event STRING, page STRING, ms INT, n_tags INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT user_id, event, JSON_VALUE(payload, '$.page'), JSON_VALUE(payload, '$.ms' RETURNING INT), CARDINALITY(tags)
FROM events ORDER BY ts;
