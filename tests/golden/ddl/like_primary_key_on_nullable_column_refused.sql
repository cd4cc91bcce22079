-- LIKE: a primary key over the source's nullable columns is refused (the key makes only its own statement's columns NOT NULL)
-- golden: expect-message
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'no_such_file.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE ev2 (PRIMARY KEY (id, kind) NOT ENFORCED) WITH ('path' = 'events.csv') LIKE events;
CREATE TEMPORARY TABLE out1 (id INT, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM ev2 ORDER BY id;
