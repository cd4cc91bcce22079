-- LEFT JOIN UNNEST ON TRUE keeps rows with empty or NULL arrays
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (ts TIMESTAMP(3), tag STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT e.ts, t.tag FROM events e LEFT JOIN UNNEST(e.tags) AS t (tag) ON TRUE ORDER BY e.ts, t.tag;
