-- json strings read into TIMESTAMP(3) and DATE columns
CREATE TABLE t (id INT, ts TIMESTAMP(3), d DATE)
  WITH ('connector' = 'filesystem', 'path' = 'timestamps.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (id INT, ts TIMESTAMP(3), d DATE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, ts, d FROM t ORDER BY id;
