-- LIKE ... (OVERWRITING WATERMARKS): a watermark on another column than the source's makes two, refused
-- golden: expect-message
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), ts2 TIMESTAMP(3), WATERMARK FOR ts AS ts)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 (WATERMARK FOR ts2 AS ts2) WITH ('path' = 'events.csv') LIKE events (OVERWRITING WATERMARKS);
CREATE TEMPORARY TABLE out1 (id INT, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM ev2 ORDER BY id;
