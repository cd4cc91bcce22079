-- LIKE ... (OVERWRITING WATERMARKS): the new watermark replaces the source's on the same column
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), WATERMARK FOR ts AS ts)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 (WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('path' = 'events.csv')
  LIKE events (OVERWRITING WATERMARKS);
CREATE TEMPORARY TABLE out1 (id INT, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM ev2 ORDER BY id;
