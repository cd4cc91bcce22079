-- LIKE ... (OVERWRITING PARTITIONS): a table has one partitioning, OVERWRITING is not a strategy for it
-- golden: expect-message
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 WITH ('path' = 'events.csv') LIKE events (OVERWRITING PARTITIONS);
CREATE TEMPORARY TABLE out1 (id INT, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM ev2 ORDER BY id;
