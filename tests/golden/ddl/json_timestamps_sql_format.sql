-- json strings in SQL format read into TIMESTAMP(3) and DATE columns, and JSON nulls
CREATE TABLE t (id INT, ts TIMESTAMP(3), d DATE)
  WITH ('connector' = 'filesystem', 'path' = 'timestamps_sql.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (id INT, ts TIMESTAMP(3), d DATE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, ts, d FROM t ORDER BY id;
