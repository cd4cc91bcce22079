-- OPTIONS on a view: Flink refuses it (hints apply to tables only)
CREATE TEMPORARY TABLE t (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = 'c3_bad_ints.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW v AS SELECT * FROM t;
INSERT INTO out1 SELECT id, qty FROM v /*+ OPTIONS('csv.ignore-parse-errors'='true') */;
