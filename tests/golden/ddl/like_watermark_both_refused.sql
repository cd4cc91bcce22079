-- LIKE: a watermark on the column the source's is on is refused unless EXCLUDING or OVERWRITING WATERMARKS
-- golden: expect-message
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), WATERMARK FOR ts AS ts)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 (WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('path' = 'events.csv') LIKE events;
CREATE TEMPORARY TABLE out1 (id INT, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM ev2 ORDER BY id;
