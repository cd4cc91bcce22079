-- LIKE ... (EXCLUDING CONSTRAINTS): a new primary key over the source's key column, NOT NULL there by its key
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2), PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 (PRIMARY KEY (id) NOT ENFORCED) WITH ('path' = 'events.csv') LIKE events (EXCLUDING CONSTRAINTS);
CREATE TEMPORARY TABLE out1 (id INT, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM ev2 ORDER BY id;
