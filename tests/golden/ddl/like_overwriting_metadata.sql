-- LIKE ... (OVERWRITING METADATA): the new METADATA column replaces the source's of its name
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), big AS amount > 1,
    fsize BIGINT METADATA FROM 'file.size' VIRTUAL)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 (fsize STRING METADATA FROM 'file.path' VIRTUAL) WITH ('path' = 'events.csv')
  LIKE events (OVERWRITING METADATA);
CREATE TEMPORARY TABLE out1 (id INT, big BOOLEAN, f BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, big, fsize LIKE '%events.csv' FROM ev2 ORDER BY id;
