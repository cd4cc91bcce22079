-- a WATERMARK whose expression is not a timestamp
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), WATERMARK FOR ts AS id)
  WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM events;
