-- LIKE ... (EXCLUDING GENERATED): the source's computed column is not there
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), big AS amount > 1,
    fsize BIGINT METADATA FROM 'file.size' VIRTUAL)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 WITH ('path' = 'events.csv') LIKE events (EXCLUDING GENERATED);
CREATE TEMPORARY TABLE out1 (id INT, big BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, big FROM ev2 ORDER BY id;
