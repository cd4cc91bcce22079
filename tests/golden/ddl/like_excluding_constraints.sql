-- LIKE ... (EXCLUDING CONSTRAINTS): the new table's primary key instead of the source's
CREATE TABLE events (id INT NOT NULL, kind STRING NOT NULL, ts TIMESTAMP(3), amount DECIMAL(10, 2), PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 (PRIMARY KEY (kind) NOT ENFORCED) WITH ('path' = 'events.csv') LIKE events (EXCLUDING CONSTRAINTS);
CREATE TEMPORARY TABLE out1 (id INT, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM ev2 ORDER BY id;
