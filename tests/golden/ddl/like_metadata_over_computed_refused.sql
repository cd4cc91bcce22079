-- LIKE ... (OVERWRITING METADATA): a METADATA column never replaces a computed one
-- golden: expect-message
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), big AS amount > 1,
    fsize BIGINT METADATA FROM 'file.size' VIRTUAL)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 (big BIGINT METADATA FROM 'file.size' VIRTUAL) WITH ('path' = 'events.csv')
  LIKE events (OVERWRITING METADATA);
CREATE TEMPORARY TABLE out1 (id INT, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM ev2 ORDER BY id;
