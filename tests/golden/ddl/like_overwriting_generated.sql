-- LIKE ... (OVERWRITING GENERATED): the new computed column replaces the source's in its place
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), big AS amount > 1,
    fsize BIGINT METADATA FROM 'file.size' VIRTUAL)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 (big AS amount > 0.3) WITH ('path' = 'events.csv') LIKE events (OVERWRITING GENERATED);
CREATE TEMPORARY TABLE out1 (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), big BOOLEAN, fsize BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM ev2 ORDER BY id;
