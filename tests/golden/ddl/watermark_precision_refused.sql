-- a WATERMARK on a TIMESTAMP(6) column
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(6), amount DECIMAL(10, 2), WATERMARK FOR ts AS ts)
  WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM events;
