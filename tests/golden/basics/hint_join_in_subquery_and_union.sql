-- a join hint in a subquery without a join, and in a SELECT that is a UNION ALL branch: accepted and ignored
CREATE TEMPORARY TABLE t (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = 'c3_bad_ints.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a.id, b.qty FROM t a JOIN (SELECT /*+ BROADCAST(x) */ id, qty FROM t AS x) b ON a.id = b.id ORDER BY 1;
INSERT INTO out2 SELECT /*+ BROADCAST(a) */ id, qty FROM t UNION ALL SELECT 9, 9;
