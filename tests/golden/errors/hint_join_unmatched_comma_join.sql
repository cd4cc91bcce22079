-- a join hint naming no table of a comma join (FROM a, b)
CREATE TEMPORARY TABLE t (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = 'c3_bad_ints.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT /*+ BROADCAST(t2) */ a.id, b.qty FROM t a, t AS b WHERE a.id = b.id;
