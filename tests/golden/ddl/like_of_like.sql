-- LIKE of a table declared with LIKE: both tables' computed columns
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 (big AS amount > 1) WITH ('path' = 'no_such_file_either.csv') LIKE events;
CREATE TEMPORARY TABLE ev3 (n AS id + 1) WITH ('path' = 'events.csv') LIKE ev2;
CREATE TEMPORARY TABLE out1 (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), big BOOLEAN, n INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM ev3 ORDER BY id;
