-- explode event tags with CROSS JOIN UNNEST and count per tag
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (tag STRING, n BIGINT, users BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT t.tag, COUNT(*), COUNT(DISTINCT e.user_id)
FROM events e CROSS JOIN UNNEST(e.tags) AS t (tag)
GROUP BY t.tag ORDER BY t.tag;
