-- a join hint naming a table the join does not have under that name (aliased a and b)
CREATE TEMPORARY TABLE t (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = 'c3_bad_ints.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT /*+ NEST_LOOP(t) */ a.id, b.qty FROM t AS a JOIN t AS b ON a.id = b.id;
