-- a hint's option overrides the same WITH option: 'csv.ignore-parse-errors' back to false, the bad field fails the job
CREATE TEMPORARY TABLE t (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = 'c3_bad_ints.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, qty FROM t /*+ OPTIONS('csv.ignore-parse-errors'='false') */;
