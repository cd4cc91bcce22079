-- a computed column derived from physical columns
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), day_ AS CAST(ts AS DATE), big AS amount > 1)
  WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, day_ DATE, big BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, day_, big FROM events ORDER BY id;
