-- a table hint /*+ OPTIONS(...) */ lays its options over the table's WITH options for that read (a bad csv field read as NULL), with an alias and WHERE after it, and on both sides of a join under join hints
CREATE TEMPORARY TABLE t (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = 'c3_bad_ints.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x.id, x.qty FROM t /*+ OPTIONS('csv.ignore-parse-errors' = 'true') */ AS x WHERE x.id > 1;
INSERT INTO out2 SELECT /*+ BROADCAST(b), SHUFFLE_HASH(a, b) */ a.id, b.qty FROM t /*+ OPTIONS('csv.ignore-parse-errors'='true') */ AS a JOIN t/*+OPTIONS('csv.ignore-parse-errors'='true')*/ AS b ON a.id = b.id ORDER BY a.id;
