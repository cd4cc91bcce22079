-- LIKE: a computed and a METADATA column added after the source's columns, the computed one over an inherited column
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 (big AS amount > 1, fsize BIGINT METADATA FROM 'file.size' VIRTUAL)
  WITH ('path' = 'events.csv') LIKE events;
CREATE TEMPORARY TABLE out1 (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), big BOOLEAN, fsize BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM ev2 ORDER BY id;
