-- a WATERMARK on an unknown column
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), WATERMARK FOR nope AS nope)
  WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM events;
