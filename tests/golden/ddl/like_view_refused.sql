-- LIKE of a view is refused
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE VIEW v AS SELECT id, kind FROM events;
CREATE TEMPORARY TABLE ev2 WITH ('path' = 'events.csv') LIKE v;
CREATE TEMPORARY TABLE out1 (id INT, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM ev2 ORDER BY id;
