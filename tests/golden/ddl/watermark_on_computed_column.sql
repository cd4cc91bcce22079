-- a WATERMARK on a computed TIMESTAMP(3) column, with an interval
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(6), amount DECIMAL(10, 2), ts3 AS CAST(ts AS TIMESTAMP(3)), WATERMARK FOR ts3 AS ts3 - INTERVAL '5' SECOND)
  WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, ts3 TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, ts3 FROM events ORDER BY id;
