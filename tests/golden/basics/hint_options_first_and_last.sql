-- of several OPTIONS hints on a table only the first counts; within one, a key set twice takes its last value; a lower-case hint name
CREATE TEMPORARY TABLE t (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = 'c3_bad_ints.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, qty FROM t /*+ OPTIONS('csv.ignore-parse-errors'='true'), OPTIONS('path'='nothing.csv') */;
INSERT INTO out2 SELECT id, qty FROM default_catalog.default_database.t /*+ options('csv.ignore-parse-errors'='false', 'csv.ignore-parse-errors'='true') */;
