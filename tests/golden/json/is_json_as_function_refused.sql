-- JSON_VALUE with RETURNING DECIMAL and DEFAULT ON EMPTY, summed per user
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (user_id INT, spent DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1
SELECT user_id, SUM(JSON_VALUE(payload, '$.amount' RETURNING DOUBLE DEFAULT 0.0 ON EMPTY))
FROM events WHERE IS_JSON(payload) GROUP BY user_id ORDER BY user_id;
