-- per user: ordered page path via LISTAGG over a sorted subquery and JSON page extraction
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (user_id INT, pages STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT user_id, LISTAGG(COALESCE(JSON_VALUE(payload, '$.page'), '?'), ' > '), COUNT(*)
FROM events GROUP BY user_id ORDER BY user_id;
