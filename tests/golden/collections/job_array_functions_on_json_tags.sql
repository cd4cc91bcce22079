-- ARRAY_CONTAINS, ARRAY_DISTINCT, ARRAY_JOIN, CARDINALITY and element access on tags
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (ts TIMESTAMP(3), has_promo BOOLEAN, joined STRING, first_tag STRING, n INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT ts, ARRAY_CONTAINS(tags, 'promo'), ARRAY_JOIN(ARRAY_DISTINCT(tags), '|'), tags[1], CARDINALITY(tags)
FROM events ORDER BY ts;
