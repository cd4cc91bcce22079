-- UNNEST of a json ARRAY column with CROSS JOIN, tag counts, empty and NULL arrays produce no rows
CREATE TABLE events (user_id INT, event STRING, payload STRING, ts TIMESTAMP(0), tags ARRAY<STRING>)
  WITH ('connector' = 'filesystem', 'path' = 'shop_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (tag STRING, n BIGINT, users STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT t.tag, COUNT(*), LISTAGG(CAST(e.user_id AS STRING), ';')
FROM events e CROSS JOIN UNNEST(e.tags) AS t(tag)
GROUP BY t.tag ORDER BY t.tag;
