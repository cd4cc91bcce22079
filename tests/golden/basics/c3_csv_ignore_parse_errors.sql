-- the same bad csv read with 'csv.ignore-parse-errors' = 'true': the bad field becomes NULL [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE t (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = 'c3_bad_ints.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, qty FROM t;
