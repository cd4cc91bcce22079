-- a WATERMARK declaration is accepted in a batch job
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
  WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM events ORDER BY id;
