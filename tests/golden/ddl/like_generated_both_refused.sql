-- LIKE: a computed column the source has already is refused unless EXCLUDING or OVERWRITING GENERATED
-- golden: expect-message
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), big AS amount > 1,
    fsize BIGINT METADATA FROM 'file.size' VIRTUAL)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 (big AS amount > 2) WITH ('path' = 'events.csv') LIKE events;
CREATE TEMPORARY TABLE out1 (id INT, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM ev2 ORDER BY id;
