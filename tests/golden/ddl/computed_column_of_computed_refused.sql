-- a computed column referring to another computed column
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), a AS amount * 2, b AS a + 1)
  WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, b DECIMAL(12, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, b FROM events ORDER BY id;
