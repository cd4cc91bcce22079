-- CREATE TEMPORARY TABLE t ... LIKE t: the copy of the permanent table t shadows it below
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE events (big AS amount > 1) WITH ('path' = 'events.csv') LIKE events;
CREATE TEMPORARY TABLE out1 (id INT, big BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, big FROM events ORDER BY id;
