-- LIKE ... (EXCLUDING GENERATED EXCLUDING METADATA): the source's physical columns only
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), big AS amount > 1,
    fsize BIGINT METADATA FROM 'file.size' VIRTUAL)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 WITH ('path' = 'events.csv') LIKE events (EXCLUDING GENERATED EXCLUDING METADATA);
CREATE TEMPORARY TABLE out1 (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM ev2 ORDER BY id;
