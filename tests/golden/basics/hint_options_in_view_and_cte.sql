-- a table hint inside a view's query applies to the view's reads; on a WITH query's name Flink ignores it (the table keeps its own options)
CREATE TEMPORARY TABLE t (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = 'c3_bad_ints.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE lenient (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = 'c3_bad_ints.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (id INT, qty INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW v AS SELECT id, qty FROM t /*+ OPTIONS('csv.ignore-parse-errors'='true') */;
INSERT INTO out1 SELECT * FROM v;
INSERT INTO out2 WITH w AS (SELECT * FROM lenient) SELECT id, qty FROM w /*+ OPTIONS('csv.ignore-parse-errors'='false') */;
