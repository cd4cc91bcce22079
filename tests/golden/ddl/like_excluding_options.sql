-- LIKE ... (EXCLUDING OPTIONS): only the new table's options, the source's columns
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.json', 'format' = 'json');
CREATE TEMPORARY TABLE ev2 WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv')
  LIKE events (EXCLUDING OPTIONS);
CREATE TEMPORARY TABLE out1 (id INT, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM ev2 ORDER BY id;
