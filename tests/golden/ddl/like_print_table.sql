-- LIKE of a print table: the source's columns, the print connector (restated: the oracle tells print sinks apart by their own WITH)
CREATE TABLE events (id INT, kind STRING, ts TIMESTAMP(3), amount DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'events.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out0 (id INT, kind STRING) WITH ('connector' = 'print', 'sink.parallelism' = '1');
CREATE TEMPORARY TABLE out1 WITH ('connector' = 'print') LIKE out0;
INSERT INTO out1 SELECT id, kind FROM events ORDER BY id;
