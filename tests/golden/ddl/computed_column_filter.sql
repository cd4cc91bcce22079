-- a computed column in WHERE, and an INSERT into a table whose computed column stands between physical ones
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), total AS amount * 3)
  WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, twice AS id * 2, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM events WHERE total > 1 ORDER BY id;
