-- LIKE ... (EXCLUDING ALL INCLUDING GENERATED): the physical and computed columns only, the new options
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), big AS amount > 1, PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.json', 'format' = 'json');
CREATE TEMPORARY TABLE ev2 WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv')
  LIKE events (EXCLUDING ALL INCLUDING GENERATED);
CREATE TEMPORARY TABLE out1 (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), big BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM ev2 ORDER BY id;
