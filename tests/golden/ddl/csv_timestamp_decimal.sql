-- a csv source with TIMESTAMP(3) and DECIMAL columns
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, ts TIMESTAMP(3), amount DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, ts, amount FROM events ORDER BY id;
